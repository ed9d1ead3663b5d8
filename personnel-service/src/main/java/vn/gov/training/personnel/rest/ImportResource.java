package vn.gov.training.personnel.rest;

import java.net.URI;
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

import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.personnel.service.ImportFormat;
import vn.gov.training.personnel.service.ImportService;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;

/**
 * Staff-list imports: upload the file as the request body (.xlsx or .csv), follow the job, read its row errors.
 * {@code mode=ALL_OR_NOTHING} (default) or {@code VALID_ROWS}.
 */
@Path("/api/personnel/imports")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record JobView(UUID id, String fileName, String mode, String status, int totalRows, int processedRows,
                          int created, int updated, int unchanged, int errorRows, @JsonRawValue String errors,
                          OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static JobView of(ImportJob j) {
            return new JobView(j.id, j.fileName, j.mode, j.status, j.totalRows, j.processedRows, j.createdCount,
                    j.updatedCount, j.unchangedCount, j.errorCount, j.errors == null ? "[]" : j.errors, j.startedAt,
                    j.finishedAt);
        }
    }

    private final ImportService imports;
    private final Caller caller;

    ImportResource(ImportService imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes({XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(byte[] content, @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") ImportJob.Mode mode,
                           @QueryParam("fileName") String fileName) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("import-format", String.join(", ", ImportFormat.COLUMNS.keySet()));
        }
        ImportJob job = imports.start(content, fileName, mode);
        return Response.accepted(JobView.of(job)).location(URI.create("/api/personnel/imports/" + job.id)).build();
    }

    @GET
    @Path("/{id}")
    public JobView job(@PathParam("id") UUID id) {
        ImportJob job = ImportJob.findById(id);
        boolean mine = job != null && (job.createdBy.equals(caller.name())
                || caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER));
        if (!mine) {
            throw ProblemException.notFound("import-not-found", id);
        }
        return JobView.of(job);
    }

    /**
     * The template to fill in: {@code format=xlsx} (the default) or {@code csv}; without {@code format}, an
     * {@code Accept} of {@code text/csv} alone asks for CSV.
     */
    @GET
    @Path("/template")
    @Produces({XLSX, "text/csv"})
    public Response template(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        boolean csv = format != null ? "csv".equalsIgnoreCase(format)
                : accept != null && accept.contains("text/csv") && !accept.contains(XLSX);
        return Response.ok(csv ? ImportFormat.templateCsv() : ImportFormat.templateXlsx())
                .type(csv ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"mau-danh-sach-can-bo." + (csv ? "csv" : "xlsx")
                        + "\"").build();
    }
}
