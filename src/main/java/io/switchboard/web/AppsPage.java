package io.switchboard.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.switchboard.apps.AppService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.Caller;
import io.switchboard.apps.Role;

/** The signed-in person's apps, each with the way into its chat, integrations and flows. */
@Path("/")
@Authenticated
public class AppsPage {
    @Inject
    AppService apps;
    @Inject
    Caller caller;
    @Inject
    SecurityIdentity identity;

    public record AppCard(AppView app, boolean editor) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apps(String user, List<AppCard> apps);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        String user = caller.name();
        return Templates.apps(user, apps.appsOf(user).stream()
                .map(app -> new AppCard(app, apps.roleOf(app.id(), user) == Role.EDITOR)).toList());
    }

    /** Ends the browser's session: the sign-in cookie is removed and the browser goes to the login page. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Links.seeOther("/login");
    }
}
