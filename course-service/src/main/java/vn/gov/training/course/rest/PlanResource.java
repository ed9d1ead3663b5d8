package vn.gov.training.course.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import vn.gov.training.course.domain.PlanStatus;
import vn.gov.training.course.domain.TrainingPlan;
import vn.gov.training.course.service.PlanService;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.IdempotentWrites;
import vn.gov.training.platform.web.PageResponse;

/**
 * Annual training plans. Unit officers draft their units' plans, the province drafts any and approves them;
 * each caller sees the plans of the units in their scope.
 */
@Tag(name = "Kế hoạch năm", description = "Kế hoạch đào tạo, bồi dưỡng hằng năm của đơn vị. / Annual training plans.")
@Path("/api/plans")
@Authenticated
public class PlanResource {

    private final PlanService plans;
    private final IdempotentWrites idempotent;
    private final Messages messages;

    PlanResource(PlanService plans, IdempotentWrites idempotent, Messages messages) {
        this.plans = plans;
        this.idempotent = idempotent;
        this.messages = messages;
    }

    @Operation(summary = "Danh sách kế hoạch năm",
            description = "Các kế hoạch đào tạo, bồi dưỡng hằng năm, lọc theo năm và đơn vị.\n\n*English:* List annual training plans, by year and unit.")
    @GET
    public PageResponse<PlanView> list(@QueryParam("year") Integer year, @QueryParam("unit") String unit,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "{field.not-negative}") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "{field.page-size}")
            @Max(value = 200, message = "{field.page-size}") int size) {
        PlanStatus statusFilter = Params.enumOf(PlanStatus.class, status, "status", messages);
        String unitFilter = Params.blankToNull(unit) == null ? null : unit.strip();
        return plans.list(year, unitFilter, statusFilter, page, size).map(PlanView::of);
    }

    @Operation(summary = "Xem một kế hoạch năm",
            description = "Một kế hoạch năm với các dòng (loại chương trình, trình độ, số lớp, số học viên dự kiến).\n\n*English:* One annual plan with its items.")
    @GET
    @Path("/{id}")
    public PlanView get(@PathParam("id") UUID id) {
        return PlanView.of(plans.visible(id));
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class))})
    @Operation(summary = "Lập kế hoạch năm",
            description = "Tạo kế hoạch năm (DRAFT) cho một đơn vị; một đơn vị chỉ có một kế hoạch mỗi năm.\n\n*English:* Create a draft annual plan for a unit (one per unit and year).")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response create(@Valid @NotNull PlanRequest request,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            TrainingPlan created = plans.create(request.toFields());
            return Response.created(URI.create("/api/plans/" + created.id)).entity(PlanView.of(created)).build();
        });
    }

    @Operation(summary = "Sửa kế hoạch năm",
            description = "Thay các dòng của kế hoạch còn ở trạng thái DRAFT.\n\n*English:* Replace the items of a draft plan.")
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PlanView update(@PathParam("id") UUID id, @Valid @NotNull PlanRequest request) {
        return PlanView.of(plans.update(id, request.toFields()));
    }

    @Operation(summary = "Phê duyệt kế hoạch năm",
            description = "Phê duyệt kế hoạch; phát `plan.approved` (báo cáo kế hoạch - thực hiện dùng nó).\n\n*English:* Approve a plan; publishes `plan.approved`.")
    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public PlanView approve(@PathParam("id") UUID id) {
        return PlanView.of(plans.approve(id));
    }
}
