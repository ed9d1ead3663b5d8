package vn.gov.training.personnel.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.PlanStatus;
import vn.gov.training.personnel.service.SuccessionPlanService;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;

/** Succession plans across units: {@code GET /api/succession-plans?unit=&term=&status=}. */
@Tag(name = "Quy hoạch", description = "Quy hoạch cán bộ cho chức danh theo nhiệm kỳ. / Succession plans.")
@Path("/api/succession-plans")
@Authenticated
public class SuccessionPlanListResource {

    private final SuccessionPlanService plans;

    SuccessionPlanListResource(SuccessionPlanService plans) {
        this.plans = plans;
    }

    /** Plans across units ({@link SuccessionPlanService#list}). */
    @Operation(summary = "Danh sách quy hoạch",
            description = "Các quy hoạch chức danh trong phạm vi (phân trang), lọc theo nhiệm kỳ, chức danh, trạng thái.\n\n*English:* Succession plans in scope (paged).")
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER, Roles.LEADER, Roles.INTEGRATION})
    public PageResponse<SuccessionPlanResource.PlanView> list(@QueryParam("unit") String unit, @QueryParam("term") String term,
                                       @QueryParam("status") PlanStatus status,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50")
                                       @Min(value = 1, message = "{field.page-size}")
                                       @Max(value = 200, message = "{field.page-size}") int size) {
        return plans.list(unit, term, status, page, size).map(SuccessionPlanResource.PlanView::of);
    }
}
