package vn.gov.training.personnel.rest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.QualificationEvidence;
import vn.gov.training.personnel.service.EvidenceService;
import vn.gov.training.platform.security.Roles;

/** The evidence file of a qualification: attached by the record's keepers, downloaded by whoever reads the record. */
@Tag(name = "Trình độ", description = "Văn bằng, chứng chỉ, trình độ và trình độ còn thiếu so với tiêu chuẩn. / Qualifications, levels and gaps.")
@Path("/api/personnel/{id}/qualifications/{qualificationId}/evidence")
@Authenticated
public class EvidenceResource {

    private final EvidenceService evidence;

    EvidenceResource(EvidenceService evidence) {
        this.evidence = evidence;
    }

    public record EvidenceView(UUID qualificationId, String fileName, String contentType, int sizeBytes,
                               String sha256, OffsetDateTime uploadedAt) {
        static EvidenceView of(QualificationEvidence e) {
            return new EvidenceView(e.qualificationId, e.fileName, e.contentType, e.sizeBytes, e.sha256, e.uploadedAt);
        }
    }

    @APIResponse(responseCode = "201", description = "Đã đính kèm minh chứng.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceView.class))})
    @APIResponse(responseCode = "200", description = "Cùng tệp đã được đính kèm trước đó (gửi lại không đổi gì).",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceView.class))})
    @Operation(summary = "Đính kèm minh chứng của trình độ",
            description = "Gửi tệp minh chứng (bản chụp văn bằng, chứng chỉ) làm nội dung yêu cầu: PDF, PNG hoặc JPEG (nhận biết theo nội dung tệp), tối đa 5 MB; thay tệp cũ nếu có. `fileName`: tên tệp hiển thị.\n\n*English:* Attach the evidence file (PDF, PNG or JPEG, told by its content; at most 5 MB) as the request body; replaces an earlier one.")
    @PUT
    @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response attach(@PathParam("id") UUID id, @PathParam("qualificationId") UUID qualificationId,
                           @QueryParam("fileName") String fileName, byte[] content) {
        EvidenceService.Attached attached = evidence.attach(id, qualificationId, fileName, content);
        return Response.status(attached.changed() ? 201 : 200).entity(EvidenceView.of(attached.evidence())).build();
    }

    @APIResponse(responseCode = "200", description = "Tệp minh chứng.",
            content = {@Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Tải minh chứng của trình độ",
            description = "Tệp minh chứng đã đính kèm, cho người được xem hồ sơ cán bộ.\n\n*English:* The attached evidence file, for whoever may read the person's record.")
    @GET
    @Produces({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    public Response download(@PathParam("id") UUID id, @PathParam("qualificationId") UUID qualificationId) {
        QualificationEvidence e = evidence.read(id, qualificationId);
        String ascii = e.fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = java.net.URLEncoder.encode(e.fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(e.content, e.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
