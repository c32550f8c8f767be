package io.switchboard.agent.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The interactive part of an assistant message, shown as buttons in the chat. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(String type, String connector, List<String> options, String mode, String actionRequired,
        List<Permission> permissions, String authorizeUrl, String flowId, String summary, String connectionId,
        List<String> newScopes, List<String> prompts) {

    public record Permission(String scope, String description) {
    }

    public static Card connectionMode(String connector, List<String> options) {
        return new Card("connection_mode", connector, options, null, null, null, null, null, null, null, null, null);
    }

    public static Card authorization(String connector, String mode, String actionRequired, List<Permission> permissions,
            String authorizeUrl) {
        return new Card("authorization", connector, null, mode, actionRequired, permissions, authorizeUrl, null, null,
                null, null, null);
    }

    public static Card flowCreated(String flowId, String summary) {
        return new Card("flow_created", null, null, null, null, null, null, flowId, summary, null, null, null);
    }

    public static Card reapproval(String connector, String connectionId, List<String> newScopes,
            List<Permission> permissions, String authorizeUrl) {
        return new Card("reapproval", connector, null, null, null, permissions, authorizeUrl, null, null, connectionId,
                newScopes, null);
    }

    public static Card suggestions(List<String> prompts) {
        return new Card("suggestions", null, null, null, null, null, null, null, null, null, null, prompts);
    }
}
