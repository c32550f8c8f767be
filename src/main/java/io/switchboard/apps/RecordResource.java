package io.switchboard.apps;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.security.Authenticated;
import io.switchboard.apps.RecordService.StoredRecord;

@Path("/api/apps/{appId}/entities/{entity}/records")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecordResource {
    @Inject
    RecordService records;
    @Inject
    Caller caller;

    @POST
    @ResponseStatus(201)
    public StoredRecord create(@PathParam("appId") String appId, @PathParam("entity") String entity,
            Map<String, Object> data) {
        return records.create(appId, entity, data, caller.name());
    }

    @GET
    public List<StoredRecord> list(@PathParam("appId") String appId, @PathParam("entity") String entity) {
        return records.list(appId, entity, caller.name());
    }

    @GET
    @Path("/{id}")
    public StoredRecord get(@PathParam("appId") String appId, @PathParam("entity") String entity,
            @PathParam("id") String id) {
        return records.get(appId, entity, id, caller.name());
    }

    @PUT
    @Path("/{id}")
    public StoredRecord replace(@PathParam("appId") String appId, @PathParam("entity") String entity,
            @PathParam("id") String id, Map<String, Object> data) {
        return records.update(appId, entity, id, data, false, caller.name());
    }

    @PATCH
    @Path("/{id}")
    public StoredRecord patch(@PathParam("appId") String appId, @PathParam("entity") String entity,
            @PathParam("id") String id, Map<String, Object> data) {
        return records.update(appId, entity, id, data, true, caller.name());
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public void delete(@PathParam("appId") String appId, @PathParam("entity") String entity,
            @PathParam("id") String id) {
        records.delete(appId, entity, id, caller.name());
    }
}
