package vn.gov.training.personnel.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.SuccessionPlan;
import vn.gov.training.personnel.service.SuccessionPlanService;
import vn.gov.training.platform.security.Roles;

/** Succession plans of a person, and the list across units. */
@Tag(name = "Quy hoạch", description = "Quy hoạch cán bộ cho chức danh theo nhiệm kỳ. / Succession plans.")
@Path("/api/personnel/{id}/succession-plans")
@Authenticated
public class SuccessionPlanResource {

    public record PlanView(UUID id, UUID personnelId, String fullName, String titleCode, String orgUnitCode,
                           int termStart, int termEnd, String decisionNumber, LocalDate decisionDate, String status,
                           String statusReason, boolean reviewFlag, String reviewReason) {
        public static PlanView of(SuccessionPlanService.Planned planned) {
            SuccessionPlan s = planned.plan();
            return new PlanView(s.id, s.personId, planned.fullName(), s.titleCode, s.orgUnitCode, s.termStart,
                    s.termEnd, s.decisionNumber, s.decisionDate, s.status.name(), s.statusReason, s.reviewFlag,
                    s.reviewReason);
        }
    }

    private final SuccessionPlanService plans;

    SuccessionPlanResource(SuccessionPlanService plans) {
        this.plans = plans;
    }

    @Operation(summary = "Quy hoạch của một cán bộ",
            description = "Các chức danh cán bộ được quy hoạch, theo nhiệm kỳ.\n\n*English:* A person's succession plans.")
    @GET
    public List<PlanView> ofPerson(@PathParam("id") UUID id) {
        return plans.ofPerson(id).stream().map(PlanView::of).toList();
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class))})
    @Operation(summary = "Đưa cán bộ vào quy hoạch",
            description = "Quy hoạch cán bộ cho một chức danh và nhiệm kỳ; phát `personnel.succession-plan-changed`.\n\n*English:* Plan a person for a title and term; publishes `personnel.succession-plan-changed`.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response create(@PathParam("id") UUID id, @NotNull SuccessionPlanService.NewPlan request) {
        SuccessionPlanService.Planned created = plans.create(id, request);
        return Response.created(URI.create("/api/personnel/" + id + "/succession-plans/" + created.plan().id))
                .entity(PlanView.of(created)).build();
    }

    @Operation(summary = "Sửa quy hoạch",
            description = "Đưa ra khỏi quy hoạch hoặc ghi đã bổ nhiệm; phát `personnel.succession-plan-changed`.\n\n*English:* Remove from the plan or record the appointment.")
    @PATCH
    @Path("/{planId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PlanView change(@PathParam("id") UUID id, @PathParam("planId") UUID planId,
                           @NotNull SuccessionPlanService.PlanChange request) {
        return PlanView.of(plans.change(id, planId, request));
    }
}
