package vn.gov.training.personnel.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.service.PersonAccess;
import vn.gov.training.personnel.service.QualificationService;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;

/** A person's qualifications, levels on a date and gaps against the standards of their roles. */
@Tag(name = "Trình độ", description = "Văn bằng, chứng chỉ, trình độ và trình độ còn thiếu so với tiêu chuẩn. / Qualifications, levels and gaps.")
@Path("/api/personnel/{id}")
@Authenticated
public class QualificationResource {

    /** {@code evidenceFileName}: the name of the attached evidence file, null when none is attached. */
    public record QualificationView(UUID id, String kind, String level, LocalDate awardedOn, String institution,
                                    String credentialNumber, String source, String evidenceFileName) {
        static QualificationView of(Qualification q) {
            return of(q, null);
        }

        static QualificationView of(Qualification q, String evidenceFileName) {
            return new QualificationView(q.id, q.kind.name(), q.level, q.awardedOn, q.institution, q.credentialNumber,
                    q.source.name(), evidenceFileName);
        }
    }

    private final QualificationService qualifications;
    private final PersonAccess access;

    QualificationResource(QualificationService qualifications, PersonAccess access) {
        this.qualifications = qualifications;
        this.access = access;
    }

    @Operation(summary = "Trình độ của cán bộ",
            description = "Toàn bộ văn bằng, chứng chỉ đã ghi của cán bộ, với tên tệp minh chứng nếu đã đính kèm.\n\n*English:* All qualifications recorded for a person, with the evidence file name when one is attached.")
    @GET
    @Path("/qualifications")
    public List<QualificationView> list(@PathParam("id") UUID id) {
        return qualifications.ofPerson(id).stream()
                .map(h -> QualificationView.of(h.qualification(), h.evidenceFileName())).toList();
    }

    @APIResponse(responseCode = "201", description = "Đã ghi; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QualificationView.class))})
    @APIResponse(responseCode = "200", description = "Văn bằng này đã được ghi trước đó (gửi lại không ghi thêm).",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QualificationView.class))})
    @Operation(summary = "Ghi văn bằng, trình độ",
            description = "Ghi một văn bằng/chứng chỉ với loại, trình độ, ngày cấp; phát `personnel.qualification-recorded`.\n\n*English:* Record a qualification; publishes `personnel.qualification-recorded`.")
    @POST
    @Path("/qualifications")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response record(@PathParam("id") UUID id, @NotNull QualificationService.NewQualification request) {
        QualificationService.Recorded recorded = qualifications.recordManual(id, request);
        Qualification q = recorded.qualification();
        if (!recorded.created()) {
            return Response.ok(QualificationView.of(q)).build(); // the same qualification, recorded before
        }
        return Response.created(URI.create("/api/personnel/" + id + "/qualifications/" + q.id))
                .entity(QualificationView.of(q)).build();
    }

    /** The highest level of each kind held on {@code at} (default today). */
    @Operation(summary = "Trình độ cao nhất theo loại",
            description = "Trình độ cao nhất của cán bộ theo từng loại tại một ngày.\n\n*English:* The person's highest level of each kind at a date.")
    @GET
    @Path("/levels")
    public List<QualificationService.LevelHeld> levels(@PathParam("id") UUID id, @QueryParam("at") LocalDate at) {
        Person p = access.readable(id);
        return List.copyOf(QualificationService.levelsOn(p.id, at != null ? at : ProvinceTime.today()).values());
    }

    @Operation(summary = "Trình độ còn thiếu",
            description = "Các trình độ tiêu chuẩn của chức danh, vị trí việc làm hoặc chức danh quy hoạch mà cán bộ chưa có.\n\n*English:* Levels the standards require that the person lacks.")
    @GET
    @Path("/gaps")
    public List<QualificationService.Gap> gaps(@PathParam("id") UUID id, @QueryParam("at") LocalDate at) {
        Person p = access.readable(id);
        return qualifications.gaps(p, at != null ? at : ProvinceTime.today());
    }
}
