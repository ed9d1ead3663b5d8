package vn.gov.training.gateway.console.client;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What the console asks of personnel-service: people, their qualifications and plans, imports, reference data. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PersonnelApi {

    @GET
    @Path("/api/personnel")
    CompletionStage<Response> people(@QueryParam("q") String q, @QueryParam("unit") String unit,
            @QueryParam("includeSubunits") Boolean includeSubunits, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") int size);

    @GET
    @Path("/api/personnel/{id}")
    CompletionStage<Response> person(@PathParam("id") UUID id);

    @POST
    @Path("/api/personnel")
    CompletionStage<Response> create(Map<String, ?> person);

    @PATCH
    @Path("/api/personnel/{id}")
    CompletionStage<Response> change(@PathParam("id") UUID id, Map<String, ?> changes);

    @POST
    @Path("/api/personnel/{id}/account")
    CompletionStage<Response> requestAccount(@PathParam("id") UUID id, Map<String, ?> request);

    @POST
    @Path("/api/personnel/{id}/transfer")
    CompletionStage<Response> transfer(@PathParam("id") UUID id, Map<String, ?> transfer);

    @POST
    @Path("/api/personnel/{id}/leave")
    CompletionStage<Response> leave(@PathParam("id") UUID id, Map<String, ?> leave);

    @GET
    @Path("/api/personnel/{id}/qualifications")
    CompletionStage<Response> qualifications(@PathParam("id") UUID id);

    @POST
    @Path("/api/personnel/{id}/qualifications")
    CompletionStage<Response> addQualification(@PathParam("id") UUID id, Map<String, ?> qualification);

    @PUT
    @Path("/api/personnel/{id}/qualifications/{qualificationId}/evidence")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> attachEvidence(@PathParam("id") UUID id,
            @PathParam("qualificationId") UUID qualificationId, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content);

    @GET
    @Path("/api/personnel/{id}/levels")
    CompletionStage<Response> levels(@PathParam("id") UUID id);

    @GET
    @Path("/api/personnel/{id}/gaps")
    CompletionStage<Response> gaps(@PathParam("id") UUID id);

    @GET
    @Path("/api/personnel/{id}/succession-plans")
    CompletionStage<Response> successionPlans(@PathParam("id") UUID id);

    @POST
    @Path("/api/personnel/{id}/succession-plans")
    CompletionStage<Response> addSuccessionPlan(@PathParam("id") UUID id, Map<String, ?> plan);

    @PATCH
    @Path("/api/personnel/{id}/succession-plans/{planId}")
    CompletionStage<Response> changeSuccessionPlan(@PathParam("id") UUID id, @PathParam("planId") UUID planId,
            Map<String, ?> changes);

    @GET
    @Path("/api/personnel/{id}/ratings")
    CompletionStage<Response> ratings(@PathParam("id") UUID id);

    @PUT
    @Path("/api/personnel/{id}/ratings/{year}")
    CompletionStage<Response> rate(@PathParam("id") UUID id, @PathParam("year") int year, Map<String, ?> rating);

    /** Starts an import of staff records from the workbook or CSV file sent as the raw body. */
    @POST
    @Path("/api/personnel/imports")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> importStaff(@QueryParam("mode") String mode, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content);

    @GET
    @Path("/api/personnel/imports/{id}")
    CompletionStage<Response> staffImport(@PathParam("id") UUID id);

    @POST
    @Path("/api/personnel/qualification-imports")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> importQualifications(@QueryParam("mode") String mode,
            @QueryParam("fileName") String fileName, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] content);

    @GET
    @Path("/api/personnel/qualification-imports/{id}")
    CompletionStage<Response> qualificationImport(@PathParam("id") UUID id);

    @POST
    @Path("/api/personnel/rating-imports")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> importRatings(@QueryParam("mode") String mode, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content);

    @GET
    @Path("/api/personnel/rating-imports/{id}")
    CompletionStage<Response> ratingImport(@PathParam("id") UUID id);

    @GET
    @Path("/api/org-units")
    CompletionStage<Response> units();

    @GET
    @Path("/api/reference/titles")
    CompletionStage<Response> titles();

    @GET
    @Path("/api/reference/ranks")
    CompletionStage<Response> ranks();

    @GET
    @Path("/api/reference/job-positions")
    CompletionStage<Response> jobPositions();

    @GET
    @Path("/api/national-sync/summary")
    CompletionStage<Response> nationalSyncSummary();

    @GET
    @Path("/api/national-sync/deliveries")
    CompletionStage<Response> nationalDeliveries(@QueryParam("status") String status,
            @QueryParam("overdue") Boolean overdue, @QueryParam("size") int size);

    @POST
    @Path("/api/national-sync/deliveries/{id}/resend")
    CompletionStage<Response> resendNationalDelivery(@PathParam("id") UUID id, Map<String, ?> none);

    @GET
    @Path("/api/national-sync/initial-loads")
    CompletionStage<Response> initialLoads(@QueryParam("size") int size);

    @POST
    @Path("/api/national-sync/initial-loads")
    CompletionStage<Response> startInitialLoad(Map<String, ?> none);
}
