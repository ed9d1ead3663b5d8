package vn.gov.training.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.gov.training.platform.security.Roles;
import vn.gov.training.reporting.projection.Rebuild;

/** Rebuilding the read model from the topics. */
@Path("/api/admin/rebuild")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Rebuild rebuild;

    AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    public Response start() {
        Rebuild.Progress progress = rebuild.start();
        return Response.accepted(progress).header("Location", "/api/admin/rebuild/" + progress.id()).build();
    }

    /** Gives up a build left BUILDING by a crashed instance, so that a new one can start. */
    @POST
    @Path("/{id}/abandon")
    public Rebuild.Progress abandon(@PathParam("id") int id) {
        return rebuild.abandon(id);
    }

    @GET
    @Path("/{id}")
    public Rebuild.Progress progress(@PathParam("id") int id) {
        return rebuild.progress(id);
    }
}
