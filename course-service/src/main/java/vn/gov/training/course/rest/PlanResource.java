package vn.gov.training.course.rest;

import java.net.URI;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import vn.gov.training.course.domain.PlanStatus;
import vn.gov.training.course.domain.TrainingPlan;
import vn.gov.training.course.service.PlanService;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.security.UnitScope;
import vn.gov.training.platform.web.IdempotentWrites;
import vn.gov.training.platform.web.PageResponse;

/**
 * Annual training plans. Unit officers draft their units' plans, the province drafts any and approves them;
 * each caller sees the plans of the units in their scope.
 */
@Path("/api/plans")
@Authenticated
public class PlanResource {

    private final PlanService plans;
    private final UnitScope scope;
    private final IdempotentWrites idempotent;
    private final Messages messages;

    PlanResource(PlanService plans, UnitScope scope, IdempotentWrites idempotent, Messages messages) {
        this.plans = plans;
        this.scope = scope;
        this.idempotent = idempotent;
        this.messages = messages;
    }

    @GET
    public PageResponse<PlanView> list(@QueryParam("year") Integer year, @QueryParam("unit") String unit,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "{field.not-negative}") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "{field.page-size}")
            @Max(value = 200, message = "{field.page-size}") int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (year != null) {
            query.append(" and year = :year");
            parameters.put("year", year);
        }
        if (Params.blankToNull(unit) != null) {
            query.append(" and orgUnitCode = :unit");
            parameters.put("unit", unit.strip());
        }
        PlanStatus statusFilter = Params.enumOf(PlanStatus.class, status, "status", messages);
        if (statusFilter != null) {
            query.append(" and status = :status");
            parameters.put("status", statusFilter);
        }
        var visible = scope.visibleUnits();
        if (visible.isPresent()) {
            Set<String> units = visible.get();
            if (units.isEmpty()) {
                return new PageResponse<>(List.of(), page, size, 0);
            }
            query.append(" and orgUnitCode in :visible");
            parameters.put("visible", units);
        }
        PanacheQuery<TrainingPlan> found = TrainingPlan.find(query.toString(),
                Sort.descending("year").and("orgUnitCode"), parameters);
        return new PageResponse<>(found.page(page, size).list().stream().map(PlanView::of).toList(), page, size,
                found.count());
    }

    @GET
    @Path("/{id}")
    public PlanView get(@PathParam("id") UUID id) {
        return PlanView.of(plans.visible(id));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response create(@Valid @NotNull PlanRequest request,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            TrainingPlan created = plans.create(request);
            return Response.created(URI.create("/api/plans/" + created.id)).entity(PlanView.of(created)).build();
        });
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PlanView update(@PathParam("id") UUID id, @Valid @NotNull PlanRequest request) {
        return PlanView.of(plans.update(id, request));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public PlanView approve(@PathParam("id") UUID id) {
        return PlanView.of(plans.approve(id));
    }
}
