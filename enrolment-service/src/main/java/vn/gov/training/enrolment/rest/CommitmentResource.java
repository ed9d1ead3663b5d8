package vn.gov.training.enrolment.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.Commitment;
import vn.gov.training.enrolment.domain.RepaymentCase;
import vn.gov.training.enrolment.service.CommitmentService;
import vn.gov.training.enrolment.service.Paged;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;

/**
 * Service commitments and repayment cases: read by the province, by unit officers and leaders for their people, and
 * by staff for themselves ("Hồ sơ của tôi").
 */
@Tag(name = "Cam kết và đền bù", description = "Cam kết phục vụ sau đào tạo và hồ sơ đền bù chi phí. / Service commitments and repayments.")
@Path("/api")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.LEADER, Roles.UNIT_OFFICER, Roles.STAFF})
public class CommitmentResource {

    private final CommitmentService commitments;

    CommitmentResource(CommitmentService commitments) {
        this.commitments = commitments;
    }

    /** The OpenAPI schema of a page of commitments, under the name it has always had. */
    @Schema(name = "PageResponseCommitment")
    record CommitmentPage(List<CommitmentView> items, int page, int size, long total) {
    }

    /** The OpenAPI schema of a page of repayment cases, under the name it has always had. */
    @Schema(name = "PageResponseRepaymentCase")
    record RepaymentCasePage(List<RepaymentCaseView> items, int page, int size, long total) {
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentPage.class))})
    @Operation(summary = "Danh sách cam kết phục vụ",
            description = "Các cam kết phục vụ sau đào tạo (phân trang), lọc theo trạng thái, người; cán bộ tổ chức và lãnh đạo thấy người trong phạm vi đơn vị, cán bộ thấy cam kết của chính mình.\n\n*English:* Service commitments after state-funded training (paged): officers and leaders see their units' people, staff their own.")
    @GET
    @Path("/commitments")
    public PageResponse<CommitmentView> commitments(@QueryParam("personnelId") UUID personnelId,
                                                    @QueryParam("status") String status,
                                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        Paged<Commitment> found = commitments.commitments(personnelId, status, page, size);
        return new PageResponse<>(found.map(CommitmentView::of), page, size, found.total());
    }

    @Operation(summary = "Xem một cam kết",
            description = "Một cam kết phục vụ: thời hạn, kinh phí, trạng thái.\n\n*English:* One service commitment.")
    @GET
    @Path("/commitments/{id}")
    public CommitmentView commitment(@PathParam("id") UUID id) {
        return CommitmentView.of(commitments.commitment(id));
    }

    @APIResponse(responseCode = "200", description = "OK",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RepaymentCasePage.class))})
    @Operation(summary = "Danh sách hồ sơ đền bù",
            description = "Hồ sơ đền bù chi phí đào tạo (phân trang), lọc theo trạng thái.\n\n*English:* Repayment cases (paged).")
    @GET
    @Path("/repayment-cases")
    public PageResponse<RepaymentCaseView> cases(@QueryParam("personnelId") UUID personnelId,
                                                 @QueryParam("status") String status,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        Paged<RepaymentCase> found = commitments.repaymentCases(personnelId, status, page, size);
        return new PageResponse<>(found.map(RepaymentCaseView::of), page, size, found.total());
    }

    @Operation(summary = "Xem một hồ sơ đền bù",
            description = "Một hồ sơ đền bù: số tiền tính theo thời gian chưa phục vụ, quyết định, thanh toán.\n\n*English:* One repayment case.")
    @GET
    @Path("/repayment-cases/{id}")
    public RepaymentCaseView repaymentCase(@PathParam("id") UUID id) {
        return RepaymentCaseView.of(commitments.repaymentCase(id));
    }

    public record Decide(@PositiveOrZero(message = "{field.not-negative}") Long amountVnd,
                         @Pattern(regexp = "ILLNESS|DISASTER|TRANSFER_WITHIN_POLITICAL_SYSTEM",
                                 message = "{field.exemption}") String exemption,
                         @NotNull(message = "{field.required}") @Size(min = 1, max = 100, message = "{field.too-long}")
                         String decisionNumber,
                         LocalDate decidedOn, @Size(max = 2000, message = "{field.too-long}") String note) {
    }

    public record Pay(LocalDate paidOn) {
    }

    /** The council's decision on a case: the amount, or an exemption that waives it. */
    @Operation(summary = "Quyết định đền bù",
            description = "Ghi quyết định của hội đồng (số quyết định, số tiền hoặc miễn); phát `repayment.decided`.\n\n*English:* Record the council's decision; publishes `repayment.decided`.")
    @POST
    @Path("/repayment-cases/{id}/decision")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public RepaymentCaseView decide(@PathParam("id") UUID id, @Valid @NotNull Decide request) {
        return RepaymentCaseView.of(commitments.decide(id, new CommitmentService.Decision(request.amountVnd(), request.exemption(),
                request.decisionNumber(), request.decidedOn(), request.note())));
    }

    @Operation(summary = "Ghi nhận đã nộp đền bù",
            description = "Ghi ngày nộp tiền đền bù; phát `repayment.paid`.\n\n*English:* Record the payment; publishes `repayment.paid`.")
    @POST
    @Path("/repayment-cases/{id}/payment")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public RepaymentCaseView pay(@PathParam("id") UUID id, @Valid @NotNull Pay request) {
        return RepaymentCaseView.of(commitments.paid(id, request.paidOn()));
    }
}
