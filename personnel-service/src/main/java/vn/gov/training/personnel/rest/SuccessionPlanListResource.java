package vn.gov.training.personnel.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.panache.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PlanStatus;
import vn.gov.training.personnel.domain.SuccessionPlan;
import vn.gov.training.personnel.service.OrgUnitService;
import vn.gov.training.personnel.service.PersonAccess;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/** Succession plans across units: {@code GET /api/succession-plans?unit=&term=&status=}. */
@Tag(name = "Quy hoạch", description = "Quy hoạch cán bộ cho chức danh theo nhiệm kỳ. / Succession plans.")
@Path("/api/succession-plans")
@Authenticated
public class SuccessionPlanListResource {

    private final PersonAccess access;
    private final OrgUnitService units;

    SuccessionPlanListResource(PersonAccess access, OrgUnitService units) {
        this.access = access;
        this.units = units;
    }

    /**
     * Plans across units: {@code unit} (the plan's unit) with its sub-units, {@code term} like {@code 2025-2030};
     * only plans of people the caller may see.
     */
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
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (unit != null && !unit.isBlank()) {
            where.append(" and orgUnitCode in :units");
            params.put("units", units.subtreeOn(unit, ProvinceTime.today()));
        }
        // scoped by the planned person's unit: a plan for a post in the caller's unit does not disclose a person
        // of another unit
        PersonAccess.Visibility visibility = access.visibility();
        if (!visibility.all()) {
            where.append(" and personId in (select p.id from Person p where p.orgUnitCode in :visible)");
            params.put("visible", visibility.units().isEmpty() ? Set.of("") : visibility.units());
        }
        if (term != null && !term.isBlank()) {
            String[] years = term.split("[-–]");
            try {
                where.append(" and termStart = :start and termEnd = :end");
                params.put("start", Integer.parseInt(years[0].strip()));
                params.put("end", Integer.parseInt(years[1].strip()));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("invalid-term", term);
            }
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        PanacheQuery<SuccessionPlan> query = SuccessionPlan.find(where + " order by orgUnitCode, titleCode, id",
                params);
        long total = query.count();
        List<SuccessionPlan> found = query.page(Page.of(page, size)).list();
        Map<UUID, String> names = new HashMap<>();
        List<UUID> ids = found.stream().map(s -> s.personId).distinct().toList();
        if (!ids.isEmpty()) {
            Person.<Person>list("id in ?1", ids).forEach(p -> names.put(p.id, p.fullName));
        }
        List<SuccessionPlanResource.PlanView> items = new ArrayList<>();
        found.forEach(s -> items.add(SuccessionPlanResource.PlanView.of(s, names.get(s.personId))));
        return new PageResponse<>(items, page, size, total);
    }
}
