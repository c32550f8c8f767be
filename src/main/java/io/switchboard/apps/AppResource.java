package io.switchboard.apps;

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

@Path("/api/apps")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppResource {
    @Inject
    AppService apps;
    @Inject
    Caller caller;

    public record NewMember(String user, Role role) {
    }

    public record MemberView(String user, Role role) {
    }

    @POST
    @ResponseStatus(201)
    public AppView create(AppService.NewApp request) {
        return apps.create(request, caller.name());
    }

    @GET
    public List<AppView> mine() {
        return apps.appsOf(caller.name());
    }

    @GET
    @Path("/{appId}")
    public AppView get(@PathParam("appId") String appId) {
        return apps.view(appId, caller.name());
    }

    @GET
    @Path("/{appId}/members")
    public List<MemberView> members(@PathParam("appId") String appId) {
        apps.roleOf(appId, caller.name());
        return apps.members(appId).stream().map(m -> new MemberView(m.user, m.role)).toList();
    }

    @POST
    @Path("/{appId}/members")
    @ResponseStatus(201)
    public MemberView addMember(@PathParam("appId") String appId, NewMember request) {
        if (request == null) {
            throw io.switchboard.web.ApiException.badRequest("Send {\"user\": \"...\", \"role\": \"user\"|\"editor\"}.");
        }
        Member member = apps.addMember(appId, request.user(), request.role(), caller.name());
        return new MemberView(member.user, member.role);
    }

    @GET
    @Path("/{appId}/me")
    public Map<String, Object> me(@PathParam("appId") String appId) {
        return Map.of("user", caller.name(), "email", caller.email(), "role", apps.roleOf(appId, caller.name()));
    }
}
