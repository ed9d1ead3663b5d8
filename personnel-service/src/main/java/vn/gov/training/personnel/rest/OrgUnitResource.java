package vn.gov.training.personnel.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.service.OrgUnitService;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;

/** Organisational units: read by everyone signed in, changed by the province (admins, province managers). */
@Path("/api/org-units")
@Authenticated
public class OrgUnitResource {

    private final OrgUnitService units;

    OrgUnitResource(OrgUnitService units) {
        this.units = units;
    }

    /** Units valid on {@code at} (default today), optionally filtered by name ignoring case and diacritics. */
    @GET
    public List<OrgUnitView> list(@QueryParam("at") LocalDate at, @QueryParam("q") String q) {
        String key = q == null || q.isBlank() ? null : VietnameseText.fold(q);
        return OrgUnitVersion.allOn(dateOrToday(at)).stream()
                .filter(u -> key == null || u.searchName.contains(key) || u.code.equalsIgnoreCase(q.strip()))
                .map(OrgUnitView::of).toList();
    }

    /** The tree of units as it was on {@code at} (default today), roots first, children sorted by name. */
    @GET
    @Path("/tree")
    public List<OrgUnitView> tree(@QueryParam("at") LocalDate at) {
        List<OrgUnitVersion> all = OrgUnitVersion.allOn(dateOrToday(at));
        Map<String, OrgUnitView> nodes = new HashMap<>();
        all.forEach(u -> nodes.put(u.code, OrgUnitView.node(u)));
        List<OrgUnitView> roots = new ArrayList<>();
        for (OrgUnitVersion unit : all) {
            OrgUnitView parent = unit.parentCode == null ? null : nodes.get(unit.parentCode);
            (parent == null ? roots : parent.children()).add(nodes.get(unit.code));
        }
        sortByName(roots);
        return roots;
    }

    @GET
    @Path("/{code}")
    public OrgUnitView get(@PathParam("code") String code, @QueryParam("at") LocalDate at) {
        OrgUnitVersion unit = at == null
                ? OrgUnitVersion.latest(code).or(() -> OrgUnitVersion.history(code).stream()
                        .max(Comparator.comparing(v -> v.validFrom))).orElse(null)
                : OrgUnitVersion.on(code, at).orElse(null);
        if (unit == null) {
            throw ProblemException.notFound("org-unit-not-found", code);
        }
        return OrgUnitView.of(unit);
    }

    @GET
    @Path("/{code}/history")
    public List<OrgUnitView> history(@PathParam("code") String code) {
        List<OrgUnitView> versions = OrgUnitVersion.history(code).stream().map(OrgUnitView::of).toList();
        if (versions.isEmpty()) {
            throw ProblemException.notFound("org-unit-not-found", code);
        }
        return versions;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public Response create(@Valid @NotNull OrgUnitRequests.Create request) {
        OrgUnitVersion unit = units.create(request.code(), request.name(), request.kind(), request.parentCode(),
                dateOrToday(request.validFrom()));
        return Response.created(URI.create("/api/org-units/" + unit.code)).entity(OrgUnitView.of(unit)).build();
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public OrgUnitView change(@PathParam("code") String code, @Valid @NotNull OrgUnitRequests.Change request) {
        return OrgUnitView.of(units.change(code, request.name(), request.kind(), dateOrToday(request.effectiveOn())));
    }

    @POST
    @Path("/{code}/move")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public OrgUnitView move(@PathParam("code") String code, @Valid @NotNull OrgUnitRequests.Move request) {
        return OrgUnitView.of(units.move(code, request.parentCode(), dateOrToday(request.effectiveOn())));
    }

    @POST
    @Path("/merge")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public List<OrgUnitView> merge(@Valid @NotNull OrgUnitRequests.Merge request) {
        return units.merge(request.sourceCodes(), request.targetCode(), dateOrToday(request.effectiveOn()))
                .stream().map(OrgUnitView::of).toList();
    }

    @POST
    @Path("/{code}/dissolve")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public OrgUnitView dissolve(@PathParam("code") String code, @Valid @NotNull OrgUnitRequests.Dissolve request) {
        return OrgUnitView.of(units.dissolve(code, dateOrToday(request.effectiveOn())));
    }

    private static LocalDate dateOrToday(LocalDate date) {
        return date != null ? date : ProvinceTime.today();
    }

    private static void sortByName(List<OrgUnitView> nodes) {
        nodes.sort(Comparator.comparing(OrgUnitView::name, VietnameseText.textOrder()));
        nodes.forEach(n -> sortByName(n.children()));
    }
}
