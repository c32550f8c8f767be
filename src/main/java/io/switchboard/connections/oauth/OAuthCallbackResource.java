package io.switchboard.connections.oauth;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.switchboard.apps.Caller;
import io.switchboard.connections.AuthorizationFinished;
import io.switchboard.connections.ConnectionService;

/** Where providers send the browser back. The browser then returns to the app's chat, never to a URL it chose. */
@Path("/oauth/callback")
@Authenticated
public class OAuthCallbackResource {
    @Inject
    ConnectionService connections;
    @Inject
    Caller caller;

    @GET
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error) {
        AuthorizationFinished done = connections.complete(code, state, error, caller.name());
        String back = "/apps/" + done.appId() + (done.conversationId() != null
                ? "/chat?conversation=" + done.conversationId()
                : "/integrations");
        return Response.seeOther(URI.create(back)).build();
    }
}
