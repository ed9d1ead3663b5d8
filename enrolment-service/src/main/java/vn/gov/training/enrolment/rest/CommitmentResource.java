package vn.gov.training.enrolment.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import io.quarkus.panache.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.Commitment;
import vn.gov.training.enrolment.domain.RepaymentCase;
import vn.gov.training.enrolment.service.AccessPolicy;
import vn.gov.training.enrolment.service.CommitmentService;
import vn.gov.training.platform.problem.ProblemException;
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
    private final AccessPolicy access;

    CommitmentResource(CommitmentService commitments, AccessPolicy access) {
        this.commitments = commitments;
        this.access = access;
    }

    @Operation(summary = "Danh sách cam kết phục vụ",
            description = "Các cam kết phục vụ sau đào tạo (phân trang), lọc theo trạng thái, người; cán bộ tổ chức và lãnh đạo thấy người trong phạm vi đơn vị, cán bộ thấy cam kết của chính mình.\n\n*English:* Service commitments after state-funded training (paged): officers and leaders see their units' people, staff their own.")
    @GET
    @Path("/commitments")
    public PageResponse<Commitment> commitments(@QueryParam("personnelId") UUID personnelId,
                                                @QueryParam("status") String status,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        Map<String, Object> params = new HashMap<>();
        String where = filter(personnelId, status, params);
        var query = Commitment.<Commitment>find(where + " order by startsOn desc, id", params);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    @Operation(summary = "Xem một cam kết",
            description = "Một cam kết phục vụ: thời hạn, kinh phí, trạng thái.\n\n*English:* One service commitment.")
    @GET
    @Path("/commitments/{id}")
    public Commitment commitment(@PathParam("id") UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        Commitment c = Commitment.<Commitment>find(filter(null, null, params) + " and id = :id", params).firstResult();
        if (c == null) {
            throw ProblemException.notFound("commitment-not-found", id);
        }
        return c;
    }

    @Operation(summary = "Danh sách hồ sơ đền bù",
            description = "Hồ sơ đền bù chi phí đào tạo (phân trang), lọc theo trạng thái.\n\n*English:* Repayment cases (paged).")
    @GET
    @Path("/repayment-cases")
    public PageResponse<RepaymentCase> cases(@QueryParam("personnelId") UUID personnelId,
                                             @QueryParam("status") String status,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        Map<String, Object> params = new HashMap<>();
        String where = filter(personnelId, status, params);
        var query = RepaymentCase.<RepaymentCase>find(where + " order by openedOn desc, id", params);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    @Operation(summary = "Xem một hồ sơ đền bù",
            description = "Một hồ sơ đền bù: số tiền tính theo thời gian chưa phục vụ, quyết định, thanh toán.\n\n*English:* One repayment case.")
    @GET
    @Path("/repayment-cases/{id}")
    public RepaymentCase repaymentCase(@PathParam("id") UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        RepaymentCase r = RepaymentCase.<RepaymentCase>find(filter(null, null, params) + " and id = :id", params)
                .firstResult();
        if (r == null) {
            throw ProblemException.notFound("repayment-case-not-found", id);
        }
        return r;
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
    public RepaymentCase decide(@PathParam("id") UUID id, @Valid @NotNull Decide request) {
        return commitments.decide(id, new CommitmentService.Decision(request.amountVnd(), request.exemption(),
                request.decisionNumber(), request.decidedOn(), request.note()));
    }

    @Operation(summary = "Ghi nhận đã nộp đền bù",
            description = "Ghi ngày nộp tiền đền bù; phát `repayment.paid`.\n\n*English:* Record the payment; publishes `repayment.paid`.")
    @POST
    @Path("/repayment-cases/{id}/payment")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public RepaymentCase pay(@PathParam("id") UUID id, @Valid @NotNull Pay request) {
        return commitments.paid(id, request.paidOn());
    }

    /** Filters and the caller's scope: unit officers see the people of their subtree (by the person copy). */
    private String filter(UUID personnelId, String status, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        if (personnelId != null) {
            where.add("personnelId = :personnelId");
            params.put("personnelId", personnelId);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (!access.readsProvinceWide()) {
            // officers and leaders: the people of their subtree; anyone (staff): their own record only
            List<String> any = new ArrayList<>();
            if (access.hasRole(Roles.UNIT_OFFICER) || access.hasRole(Roles.LEADER)) {
                Set<String> units = access.scope().visibleUnits().orElse(Set.of());
                any.add("personnelId in (select p.personnelId from PersonCopy p where p.orgUnitCode in :scopeUnits)");
                params.put("scopeUnits", units.isEmpty() ? Set.of("-") : units);
            }
            access.ownPersonnelId().ifPresent(self -> {
                any.add("personnelId = :self");
                params.put("self", self);
            });
            where.add(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")");
        }
        return String.join(" and ", where);
    }
}
