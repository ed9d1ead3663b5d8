package vn.gov.training.enrolment.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
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

import vn.gov.training.enrolment.domain.EnrolmentRequest;
import vn.gov.training.enrolment.service.EnrolmentRequestService;
import vn.gov.training.enrolment.service.Nomination;
import vn.gov.training.enrolment.service.Paged;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;

/** Staff's requests to be sent on a class. */
@Tag(name = "Đề nghị đi học", description = "Cán bộ tự đề nghị được cử đi học. / Staff requests to be sent on a course.")
@Path("/api/enrolment-requests")
@Authenticated
public class EnrolmentRequestResource {

    private final EnrolmentRequestService requests;

    EnrolmentRequestResource(EnrolmentRequestService requests) {
        this.requests = requests;
    }

    public record Create(@NotNull(message = "{field.required}") UUID classId,
                         @Size(max = 2000, message = "{field.too-long}") String note) {
    }

    public record Accept(@Size(max = 50, message = "{field.too-long}") String nominatingUnitCode,
                         @Size(max = 100, message = "{field.too-long}") String decisionNumber,
                         java.time.LocalDate decisionDate,
                         @jakarta.validation.constraints.Pattern(regexp = EnrolmentRequests.FUNDING,
                                 message = "{field.funding-source}") String fundingSource,
                         @jakarta.validation.constraints.PositiveOrZero(message = "{field.not-negative}")
                         Long fundingAmountVnd,
                         @Size(max = 4000, message = "{field.too-long}") String justification,
                         @Size(max = 4000, message = "{field.too-long}") String note) {
    }

    @APIResponse(responseCode = "201", description = "Đã gửi đề nghị; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentRequestService.Snapshot.class))})
    @Operation(summary = "Cán bộ đề nghị được cử đi học",
            description = "Cán bộ tự đề nghị được học một lớp đang nhận đăng ký (ngoài thời hạn: 422 `registration-closed`, lớp không mở: `class-not-open`); đơn vị sẽ cử hoặc từ chối.\n\n*English:* A staff member asks to be sent to a class that is open for registration; the unit nominates or declines.")
    @POST
    @RolesAllowed(Roles.STAFF)
    public Response create(@Valid @NotNull Create request) {
        EnrolmentRequest r = requests.request(request.classId(), request.note());
        return Response.created(URI.create("/api/enrolment-requests/" + r.id))
                .entity(EnrolmentRequestService.snapshot(r)).build();
    }

    /** Own requests for staff; the requests of their subtree for unit officers; all for the province. */
    @Operation(summary = "Danh sách đề nghị đi học",
            description = "Các đề nghị đi học (của mình, hoặc của đơn vị trong phạm vi), phân trang.\n\n*English:* Enrolment requests in the caller's sight (paged).")
    @GET
    public PageResponse<EnrolmentRequestService.Snapshot> list(@QueryParam("status") String status,
                                                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        Paged<EnrolmentRequest> found = requests.list(status, page, size);
        return new PageResponse<>(found.map(EnrolmentRequestService::snapshot), page, size, found.total());
    }

    @Operation(summary = "Cử đi học theo đề nghị",
            description = "Đơn vị chấp thuận đề nghị và tạo quyết định cử đi học.\n\n*English:* The unit accepts a request and nominates the person.")
    @POST
    @Path("/{id}/nominate")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public EnrolmentRequestService.Snapshot nominate(@PathParam("id") UUID id,
                                                     @Valid @NotNull Accept d) {
        Nomination n = new Nomination(null, null, d.nominatingUnitCode(), d.decisionNumber(), d.decisionDate(),
                d.fundingSource(), d.fundingAmountVnd(), d.justification(), d.note(), false);
        return EnrolmentRequestService.snapshot(requests.accept(id, n));
    }

    @Operation(summary = "Từ chối đề nghị đi học",
            description = "Đơn vị từ chối đề nghị với lý do.\n\n*English:* The unit declines a request with a reason.")
    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public EnrolmentRequestService.Snapshot decline(@PathParam("id") UUID id,
                                                    @Valid @NotNull EnrolmentRequests.RequiredReason request) {
        return EnrolmentRequestService.snapshot(requests.decline(id, request.reason()));
    }
}
