package vn.gov.training.gateway.console.client;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the console asks of enrolment-service: nominations and their decisions, requests, exams and results,
 * a person's training history, commitments and notification preferences, the credential check.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EnrolmentApi {

    @GET
    @Path("/api/enrolments")
    CompletionStage<Response> enrolments(@QueryParam("status") String status, @QueryParam("classId") UUID classId,
            @QueryParam("unit") String unit, @QueryParam("fit") String fit, @QueryParam("size") int size);

    @POST
    @Path("/api/enrolments")
    CompletionStage<Response> nominate(Map<String, ?> nomination);

    @POST
    @Path("/api/enrolments/bulk")
    CompletionStage<Response> nominateMany(Map<String, ?> nominations);

    /** The dry run for many people and one class: {@code {classId, personnelIds}}. */
    @POST
    @Path("/api/enrolments/assess/bulk")
    CompletionStage<Response> assessMany(Map<String, ?> candidates);

    @POST
    @Path("/api/enrolments/{id}/approve")
    CompletionStage<Response> approve(@PathParam("id") UUID id, Map<String, ?> empty);

    /** Many nominations of one class approved in the order given: {@code {enrolmentIds}}, at most 500. */
    @POST
    @Path("/api/class-enrolments/{classId}/approvals")
    CompletionStage<Response> approveAll(@PathParam("classId") UUID classId, Map<String, ?> enrolmentIds);

    @POST
    @Path("/api/enrolments/{id}/reject")
    CompletionStage<Response> reject(@PathParam("id") UUID id, Map<String, ?> reason);

    @POST
    @Path("/api/enrolments/{id}/exams")
    CompletionStage<Response> recordExam(@PathParam("id") UUID id, Map<String, ?> exam);

    @POST
    @Path("/api/enrolments/{id}/complete")
    CompletionStage<Response> complete(@PathParam("id") UUID id, Map<String, ?> result);

    @POST
    @Path("/api/enrolments/{id}/fail")
    CompletionStage<Response> fail(@PathParam("id") UUID id, Map<String, ?> reason);

    /** Starts an import of historical training records from the file sent as the raw body. */
    @POST
    @Path("/api/enrolments/imports")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> importHistory(@QueryParam("mode") String mode, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content);

    @GET
    @Path("/api/enrolments/imports/{id}")
    CompletionStage<Response> historyImport(@PathParam("id") UUID id);

    @GET
    @Path("/api/class-enrolments/{classId}")
    CompletionStage<Response> learners(@PathParam("classId") UUID classId);

    @PUT
    @Path("/api/class-enrolments/{classId}/attendance")
    CompletionStage<Response> recordAttendance(@PathParam("classId") UUID classId, Map<String, ?> sheet);

    /** Imports a class's results from the workbook sent as the raw body. */
    @POST
    @Path("/api/class-enrolments/{classId}/results/import")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CompletionStage<Response> importResults(@PathParam("classId") UUID classId, @QueryParam("mode") String mode,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content);

    @GET
    @Path("/api/enrolment-requests")
    CompletionStage<Response> requests(@QueryParam("status") String status, @QueryParam("size") int size);

    @POST
    @Path("/api/enrolment-requests")
    CompletionStage<Response> request(Map<String, ?> request);

    @POST
    @Path("/api/enrolment-requests/{id}/nominate")
    CompletionStage<Response> nominateRequested(@PathParam("id") UUID id, Map<String, ?> nomination);

    @POST
    @Path("/api/enrolment-requests/{id}/decline")
    CompletionStage<Response> declineRequested(@PathParam("id") UUID id, Map<String, ?> reason);

    @GET
    @Path("/api/personnel/{id}/training-history")
    CompletionStage<Response> trainingHistory(@PathParam("id") UUID personnelId);

    @GET
    @Path("/api/personnel/{id}/notification-preferences")
    CompletionStage<Response> notificationPreferences(@PathParam("id") UUID personnelId);

    @PUT
    @Path("/api/personnel/{id}/notification-preferences/{kind}")
    CompletionStage<Response> setNotificationPreference(@PathParam("id") UUID personnelId,
            @PathParam("kind") String kind, Map<String, ?> preference);

    @GET
    @Path("/api/commitments")
    CompletionStage<Response> commitments(@QueryParam("personnelId") UUID personnelId, @QueryParam("size") int size);

    /** The public check of a credential number (no sign-in needed). */
    @GET
    @Path("/api/credentials/{number}/verify")
    CompletionStage<Response> verifyCredential(@PathParam("number") String number);
}
