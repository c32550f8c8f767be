package io.switchboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.switchboard.agent.chat.Card;
import io.switchboard.agent.chat.ConversationService;
import io.switchboard.agent.suggest.SuggestionService;
import io.switchboard.apps.AppService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.Caller;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.connections.ConnectionService;

/**
 * The AI chat: the conversation, its cards as buttons, prompt chips and a message box. Every button is a plain form
 * posted here, answered with a redirect back to the conversation (post, redirect, get).
 */
@Path("/apps/{appId}/chat")
@Authenticated
public class ChatPage {
    /** Cards that ask for an answer; only the latest message's card still takes one. */
    private static final Set<String> QUESTIONS = Set.of("connection_mode", "authorization", "reapproval");

    @Inject
    AppService apps;
    @Inject
    ConversationService conversations;
    @Inject
    SuggestionService suggestions;
    @Inject
    ConnectionService connections;
    @Inject
    Catalog catalog;
    @Inject
    Caller caller;

    /**
     * One message as shown.
     *
     * @param connectorName the card's connector as people call it ("Gmail")
     * @param open whether the card still takes an answer
     */
    public record Line(int index, boolean mine, String text, Card card, String connectorName, boolean open) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance chat(AppView app, String conversation, List<Line> lines,
                List<SuggestionService.Suggestion> chips, String prompt);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("appId") String appId, @QueryParam("conversation") String conversationId,
            @QueryParam("prompt") String prompt) {
        String user = caller.name();
        AppView app = apps.view(appId, user);
        if (conversationId == null || conversationId.isBlank()) {
            String started = conversations.start(appId, user);
            return Links.seeOther(Links.chat(appId, started)
                    + (prompt == null || prompt.isBlank() ? "" : "&prompt=" + Links.encode(prompt)));
        }
        List<ConversationService.MessageView> messages = conversations.messages(appId, conversationId, user);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ConversationService.MessageView m = messages.get(i);
            Card card = m.card();
            String connectorName = card == null || card.connector() == null ? null
                    : catalog.connector(card.connector()).map(Connector::name).orElse(card.connector());
            boolean open = card != null && QUESTIONS.contains(card.type()) && i == messages.size() - 1;
            lines.add(new Line(i, "user".equals(m.role()), m.text(), card, connectorName, open));
        }
        return Response.ok(Templates.chat(app, conversationId, lines, suggestions.forApp(app), prompt))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    @POST
    @ModelCall
    @Path("/say")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response say(@PathParam("appId") String appId, @FormParam("conversation") String conversationId,
            @FormParam("text") String text) {
        String cid = Links.required(conversationId, "conversation");
        conversations.say(appId, cid, caller.name(), text);
        return back(appId, cid);
    }

    @POST
    @Path("/choose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("appId") String appId, @FormParam("conversation") String conversationId,
            @FormParam("choice") String choice) {
        String cid = Links.required(conversationId, "conversation");
        conversations.choose(appId, cid, caller.name(), Links.required(choice, "choice"));
        return back(appId, cid);
    }

    /**
     * "Skip" on an authorization card answers the consent request the way a provider does when the person declines
     * ({@code error=access_denied} for the card's state), so the state is spent and the chat says nothing was added.
     */
    @POST
    @Path("/skip")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response skip(@PathParam("appId") String appId, @FormParam("conversation") String conversationId,
            @FormParam("message") int index) {
        String cid = Links.required(conversationId, "conversation");
        String user = caller.name();
        List<ConversationService.MessageView> messages = conversations.messages(appId, cid, user);
        Card card = index >= 0 && index < messages.size() ? messages.get(index).card() : null;
        if (card == null || !"authorization".equals(card.type()) || index != messages.size() - 1) {
            throw ApiException.conflict("That request for access is no longer open; the chat has moved on.");
        }
        String state = Links.queryParam(card.authorizeUrl(), "state")
                .orElseThrow(() -> ApiException.conflict("That request for access cannot be skipped any more."));
        connections.complete(null, state, "access_denied", user);
        return back(appId, cid);
    }

    private static Response back(String appId, String conversationId) {
        return Links.seeOther(Links.chat(appId, conversationId) + "#latest");
    }
}
