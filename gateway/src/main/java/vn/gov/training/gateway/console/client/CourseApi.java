package vn.gov.training.gateway.console.client;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What the console asks of course-service: the catalogue of programmes and classes. */
@Produces(MediaType.APPLICATION_JSON)
public interface CourseApi {

    @GET
    @Path("/api/programs")
    CompletionStage<Response> programs(@QueryParam("q") String q, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("size") int size);

    @GET
    @Path("/api/classes")
    CompletionStage<Response> classes(@QueryParam("category") String category,
            @QueryParam("institution") String institution, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("status") String status,
            @QueryParam("openForRegistration") Boolean openForRegistration, @QueryParam("size") int size);

    /** The open classes, at most {@code size} of them. */
    default CompletionStage<Response> openClasses(int size) {
        return classes(null, null, null, null, "OPEN", null, size);
    }

    @GET
    @Path("/api/classes/{id}")
    CompletionStage<Response> schoolClass(@PathParam("id") UUID id);
}
