package vn.gov.training.enrolment.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.gov.training.enrolment.domain.HistoryImportJob;
import vn.gov.training.enrolment.service.HistoryFormat;
import vn.gov.training.enrolment.service.HistoryImport;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;

/**
 * Historical training records imports: upload the file as the request body (.xlsx or .csv), follow the job, read its
 * row errors. {@code mode=ALL_OR_NOTHING} (default) or {@code VALID_ROWS}. Unit officers import people of their
 * units only; admins and province managers anyone.
 */
@Path("/api/enrolments/imports")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
public class HistoryImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record JobView(UUID id, String fileName, String mode, String status, int totalRows, int processedRows,
                          int created, int unchanged, int rejected, @JsonRawValue String errors,
                          OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static JobView of(HistoryImportJob j) {
            return new JobView(j.id, j.fileName, j.mode, j.status, j.totalRows, j.processedRows, j.createdCount,
                    j.unchangedCount, j.rejectedCount, j.errors == null ? "[]" : j.errors, j.startedAt, j.finishedAt);
        }
    }

    private final HistoryImport imports;
    private final Caller caller;

    HistoryImportResource(HistoryImport imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes({XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(byte[] content,
                           @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") HistoryImportJob.Mode mode,
                           @QueryParam("fileName") String fileName) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("import-format", String.join(", ", HistoryFormat.COLUMNS.keySet()));
        }
        HistoryImportJob job = imports.start(content, fileName, mode);
        // relative, as the contract says: the same path through the gateway as on the service
        return Response.accepted(JobView.of(job)).header("Location", "/api/enrolments/imports/" + job.id).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView job(@PathParam("id") UUID id) {
        HistoryImportJob job = HistoryImportJob.findById(id);
        boolean mine = job != null && (job.createdBy.equals(caller.name())
                || caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER));
        if (!mine) {
            throw ProblemException.notFound("import-not-found", id);
        }
        return JobView.of(job);
    }

    /** The template: {@code format=xlsx} (the default) or {@code csv}; an {@code Accept} of CSV alone asks for CSV. */
    @GET
    @Path("/template")
    @Produces({XLSX, "text/csv"})
    public Response template(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        boolean csv = format != null ? "csv".equalsIgnoreCase(format)
                : accept != null && accept.contains("text/csv") && !accept.contains(XLSX);
        return Response.ok(csv ? HistoryFormat.templateCsv() : HistoryFormat.templateXlsx())
                .type(csv ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"mau-qua-trinh-dao-tao." + (csv ? "csv" : "xlsx")
                        + "\"").build();
    }
}
