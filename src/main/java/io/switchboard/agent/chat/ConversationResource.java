package io.switchboard.agent.chat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.security.Authenticated;
import io.switchboard.apps.Caller;
import io.switchboard.web.ApiException;
import io.switchboard.web.ModelCall;

@Path("/api/apps/{appId}/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {
    @Inject
    ConversationService conversations;
    @Inject
    Caller caller;

    public record Said(String text, String choice) {
    }

    @POST
    @ResponseStatus(201)
    public Map<String, String> start(@PathParam("appId") String appId) {
        return Map.of("id", conversations.start(appId, caller.name()));
    }

    @GET
    @Path("/{cid}")
    public Map<String, Object> get(@PathParam("appId") String appId, @PathParam("cid") String cid) {
        return Map.of("id", cid, "messages", conversations.messages(appId, cid, caller.name()));
    }

    @POST
    @ModelCall
    @Path("/{cid}/messages")
    public Map<String, List<ConversationService.MessageView>> say(@PathParam("appId") String appId,
            @PathParam("cid") String cid, Said said) {
        if (said == null || (said.text() == null) == (said.choice() == null)) {
            throw ApiException.badRequest("Send either {\"text\": \"...\"} or {\"choice\": \"shared\"|\"per_user\"}.");
        }
        return Map.of("messages", said.text() != null ? conversations.say(appId, cid, caller.name(), said.text())
                : conversations.choose(appId, cid, caller.name(), said.choice()));
    }
}
