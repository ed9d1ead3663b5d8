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
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.SuccessionPlan;
import vn.gov.training.personnel.service.PersonAccess;
import vn.gov.training.personnel.service.SuccessionPlanService;
import vn.gov.training.platform.security.Roles;

/** Succession plans of a person, and the list across units. */
@Path("/api/personnel/{id}/succession-plans")
@Authenticated
public class SuccessionPlanResource {

    public record PlanView(UUID id, UUID personnelId, String fullName, String titleCode, String orgUnitCode,
                           int termStart, int termEnd, String decisionNumber, LocalDate decisionDate, String status,
                           String statusReason, boolean reviewFlag, String reviewReason) {
        public static PlanView of(SuccessionPlan s, String fullName) {
            return new PlanView(s.id, s.personId, fullName, s.titleCode, s.orgUnitCode, s.termStart, s.termEnd,
                    s.decisionNumber, s.decisionDate, s.status.name(), s.statusReason, s.reviewFlag, s.reviewReason);
        }
    }

    private final SuccessionPlanService plans;
    private final PersonAccess access;

    SuccessionPlanResource(SuccessionPlanService plans, PersonAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @GET
    public List<PlanView> ofPerson(@PathParam("id") UUID id) {
        Person p = access.readable(id);
        return SuccessionPlan.of(p.id).stream().map(s -> PlanView.of(s, p.fullName)).toList();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response create(@PathParam("id") UUID id, @NotNull SuccessionPlanService.NewPlan request) {
        SuccessionPlan s = plans.create(id, request);
        Person p = Person.findById(id);
        return Response.created(URI.create("/api/personnel/" + id + "/succession-plans/" + s.id))
                .entity(PlanView.of(s, p.fullName)).build();
    }

    @PATCH
    @Path("/{planId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PlanView change(@PathParam("id") UUID id, @PathParam("planId") UUID planId,
                           @NotNull SuccessionPlanService.PlanChange request) {
        SuccessionPlan s = plans.change(id, planId, request);
        Person p = Person.findById(id);
        return PlanView.of(s, p.fullName);
    }
}
