package vn.gov.training.gateway.console.client;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The dead-letter topics that every service answers for itself (platform's DeadLetterResource). */
@Produces(MediaType.APPLICATION_JSON)
public interface DeadLetterApi {

    @GET
    @Path("/api/admin/dead-letters")
    CompletionStage<Response> topics();

    @POST
    @Path("/api/admin/dead-letters/{topic}/redrive")
    CompletionStage<Response> redrive(@PathParam("topic") String topic);
}
