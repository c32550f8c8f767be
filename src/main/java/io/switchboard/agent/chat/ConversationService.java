package io.switchboard.agent.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.switchboard.agent.Plan;
import io.switchboard.agent.PlanService;
import io.switchboard.apps.AppService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.JsonColumn;
import io.switchboard.apps.Role;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.connections.AuthorizationFinished;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.connections.ConnectionService;
import io.switchboard.flows.FlowCreation;
import io.switchboard.web.ApiException;

/**
 * Walks a person from a request to a running flow: plan, shared or per user, the access it needs, the provider's
 * consent, then the flow.
 */
@ApplicationScoped
public class ConversationService {
    @Inject
    Clock clock;
    @Inject
    AppService apps;
    @Inject
    PlanService plans;
    @Inject
    Catalog catalog;
    @Inject
    ConnectionService connections;
    @Inject
    FlowCreation flows;

    public record MessageView(String role, String text, Card card) {
    }

    @Transactional
    public String start(String appId, String user) {
        apps.roleOf(appId, user);
        Conversation c = new Conversation();
        c.id = UUID.randomUUID().toString();
        c.appId = appId;
        c.user = user;
        c.stage = Conversation.Stage.AWAITING_REQUEST;
        c.createdAt = clock.instant();
        c.updatedAt = c.createdAt;
        c.persist();
        return c.id;
    }

    @Transactional
    public List<MessageView> messages(String appId, String conversationId, String user) {
        Conversation c = owned(appId, conversationId, user);
        return ChatMessage.of(c.id).stream().map(ConversationService::view).toList();
    }

    @Transactional
    public List<MessageView> say(String appId, String conversationId, String user, String text) {
        Conversation c = owned(appId, conversationId, user);
        String request = PlanService.requirePrompt(text);
        int first = ChatMessage.nextSeq(c.id);
        add(c, "user", request, null);
        AppView app = apps.find(appId);
        Plan plan = plans.planInConversation(app, request, c.id);
        switch (plan.status()) {
            case needs_clarification -> add(c, "assistant", plan.question(),
                    plan.options() == null || plan.options().isEmpty() ? null
                            : Card.suggestions(plan.options().stream().map(this::useOption).toList()));
            case unsupported -> add(c, "assistant", plan.reason(), null);
            case ready -> proceed(c, app, plan, user);
        }
        return since(c.id, first);
    }

    @Transactional
    public List<MessageView> choose(String appId, String conversationId, String user, String choice) {
        Conversation c = owned(appId, conversationId, user);
        ConnectionMode mode = ConnectionMode.of(choice);
        if (c.stage != Conversation.Stage.AWAITING_MODE || c.plan == null) {
            throw ApiException.conflict("There is no connection question open in this chat; describe what you want first.");
        }
        if (mode == ConnectionMode.SHARED && apps.roleOf(appId, user) != Role.EDITOR) {
            throw ApiException.forbidden("Only the app's editors can connect a shared account; choose per_user.");
        }
        int first = ChatMessage.nextSeq(c.id);
        add(c, "user", mode == ConnectionMode.SHARED ? "Shared" : "Per user", null);
        c.mode = mode;
        Plan plan = plan(c);
        Optional<String> existing = connections.connectionFor(appId, plan.connector(), mode, user);
        if (existing.isPresent()) {
            useExisting(c, plan, existing.get(), user);
        } else {
            askToAuthorize(c, plan, user);
        }
        return since(c.id, first);
    }

    /** The provider sent the person back: write the flow, or say nothing was added. */
    @Transactional
    void onAuthorization(@Observes AuthorizationFinished done) {
        if (done.conversationId() == null) {
            return;
        }
        Conversation c = Conversation.findById(done.conversationId());
        if (c == null || c.plan == null) {
            return;
        }
        Plan plan = plan(c);
        String tool = connectorName(plan.connector());
        if (done.denied()) {
            add(c, "assistant", "You skipped connecting " + tool + ", so nothing was added. Connect it whenever you are"
                    + " ready and I will set the flow up.", Card.connectionMode(plan.connector(), modesFor(c)));
            c.stage = Conversation.Stage.AWAITING_MODE;
            return;
        }
        if (c.flowId == null) {
            writeFlow(c, plan, false);
        } else {
            add(c, "assistant", tool + " now has the access it needs; your flow is active.",
                    Card.flowCreated(c.flowId, plan.summary()));
            c.stage = Conversation.Stage.DONE;
        }
    }

    private void proceed(Conversation c, AppView app, Plan plan, String user) {
        Optional<String> refusal = connections.planRefusal(app.id(), plan.connector());
        if (refusal.isPresent()) {
            add(c, "assistant", refusal.get(), null);
            return;
        }
        c.plan = JsonColumn.write(plan);
        c.flowId = null;
        Optional<String> shared = connections.connectionFor(c.appId, plan.connector(), ConnectionMode.SHARED, user);
        Optional<String> own = connections.connectionFor(c.appId, plan.connector(), ConnectionMode.PER_USER, user);
        if (shared.isPresent()) {
            c.mode = ConnectionMode.SHARED;
            useExisting(c, plan, shared.get(), user);
        } else if (own.isPresent()) {
            c.mode = ConnectionMode.PER_USER;
            useExisting(c, plan, own.get(), user);
        } else {
            c.stage = Conversation.Stage.AWAITING_MODE;
            String tool = connectorName(plan.connector());
            add(c, "assistant", plan.summary() + " Should " + tool + " be connected once for the whole app (shared: an"
                    + " editor connects one account that every flow uses), or should each app user connect their own"
                    + " account (per user: the flow acts as each person)?",
                    Card.connectionMode(plan.connector(), modesFor(c)));
        }
    }

    private void useExisting(Conversation c, Plan plan, String connectionId, String user) {
        List<String> missing = connections.missingScopes(connectionId, plan.scopes());
        if (missing.isEmpty()) {
            writeFlow(c, plan, false);
            return;
        }
        writeFlow(c, plan, true);
        Connector connector = catalog.connector(plan.connector()).orElseThrow();
        String url = connections.authorizeUrl(c.appId, user, c.id, plan.connector(), c.mode, plan.scopes(), connectionId);
        c.stage = Conversation.Stage.AWAITING_AUTHORIZATION;
        add(c, "assistant", connector.name() + " is connected, but this flow needs more access. Approve only the new"
                + " permissions below; the flow starts once they are granted.",
                Card.reapproval(plan.connector(), connectionId, missing, permissions(connector, missing), url));
    }

    private void askToAuthorize(Conversation c, Plan plan, String user) {
        Connector connector = catalog.connector(plan.connector()).orElseThrow();
        List<String> scopes = new ArrayList<>(new LinkedHashSet<>(plan.scopes()));
        connector.auth().identity().scopes().stream().filter(s -> !scopes.contains(s)).forEach(scopes::add);
        String url = connections.authorizeUrl(c.appId, user, c.id, plan.connector(), c.mode, plan.scopes(), null);
        c.stage = Conversation.Stage.AWAITING_AUTHORIZATION;
        String who = c.mode == ConnectionMode.SHARED ? "the app's shared " + connector.name() + " account"
                : "your own " + connector.name() + " account";
        add(c, "assistant", "Connect " + who + " to continue. Switchboard asks only for what this flow needs.",
                Card.authorization(plan.connector(), c.mode.id(), "Connect " + who + " so Switchboard can "
                        + plan.summary().substring(0, 1).toLowerCase() + plan.summary().substring(1),
                        permissions(connector, scopes), url));
    }

    private void writeFlow(Conversation c, Plan plan, boolean waitingForApproval) {
        c.flowId = flows.create(new FlowCreation.NewFlow(c.appId, plan.summary(), plan.connector(), plan.action(),
                plan.trigger(), plan.source() == null ? null : plan.source().entity(),
                plan.source() == null ? null : plan.source().filter(), plan.inputs(), c.mode, c.user, waitingForApproval));
        if (!waitingForApproval) {
            c.stage = Conversation.Stage.DONE;
            add(c, "assistant", "Done: " + plan.summary(), Card.flowCreated(c.flowId, plan.summary()));
        }
    }

    private List<Card.Permission> permissions(Connector connector, List<String> scopes) {
        return scopes.stream().map(s -> new Card.Permission(s, connector.describeScope(s))).toList();
    }

    private List<String> modesFor(Conversation c) {
        return apps.roleOf(c.appId, c.user) == Role.EDITOR ? List.of("shared", "per_user") : List.of("per_user");
    }

    private String useOption(String option) {
        return catalog.connector(option).map(con -> "Use " + con.name()).orElse(option);
    }

    private String connectorName(String id) {
        return catalog.connector(id).map(Connector::name).orElse(id);
    }

    private static Plan plan(Conversation c) {
        return JsonColumn.read(c.plan, new TypeReference<Plan>() {
        });
    }

    private Conversation owned(String appId, String conversationId, String user) {
        apps.roleOf(appId, user);
        Conversation c = Conversation.findById(conversationId);
        if (c == null || !c.appId.equals(appId)) {
            throw ApiException.notFound("No conversation '" + conversationId + "' in this app.");
        }
        if (!c.user.equals(user)) {
            throw ApiException.forbidden("This is another user's conversation.");
        }
        return c;
    }

    private void add(Conversation c, String role, String text, Card card) {
        ChatMessage m = new ChatMessage();
        m.id = UUID.randomUUID().toString();
        m.conversationId = c.id;
        m.seq = ChatMessage.nextSeq(c.id);
        m.role = role;
        m.text = text;
        m.card = card == null ? null : JsonColumn.write(card);
        m.createdAt = clock.instant();
        m.persist();
        c.updatedAt = m.createdAt;
    }

    private static List<MessageView> since(String conversationId, int seq) {
        return ChatMessage.of(conversationId).stream().filter(m -> m.seq >= seq).map(ConversationService::view).toList();
    }

    static MessageView view(ChatMessage m) {
        return new MessageView(m.role, m.text, m.card == null ? null : JsonColumn.read(m.card, new TypeReference<Card>() {
        }));
    }
}
