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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.service.OrgUnitService;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;

/** Organisational units: read by everyone signed in, changed by the province (admins, province managers). */
@Tag(name = "Đơn vị", description = "Cây tổ chức có hiệu lực theo thời gian: thêm, đổi, chuyển, sáp nhập, giải thể. / Org units, effective-dated.")
@Path("/api/org-units")
@Authenticated
public class OrgUnitResource {

    private final OrgUnitService units;

    OrgUnitResource(OrgUnitService units) {
        this.units = units;
    }

    /** Units valid on {@code at} (default today), optionally filtered by name ignoring case and diacritics. */
    @Operation(summary = "Danh sách đơn vị",
            description = "Các đơn vị (có hiệu lực tại một ngày), lọc theo loại, đơn vị cha, từ khóa.\n\n*English:* Org units valid at a date.")
    @GET
    public List<OrgUnitView> list(@QueryParam("at") LocalDate at, @QueryParam("q") String q) {
        return units.on(dateOrToday(at), q).stream().map(OrgUnitView::of).toList();
    }

    /** The tree of units as it was on {@code at} (default today), roots first, children sorted by name. */
    @Operation(summary = "Cây đơn vị",
            description = "Cây tổ chức từ tỉnh đến xã, phường.\n\n*English:* The organisation tree.")
    @GET
    @Path("/tree")
    public List<OrgUnitView> tree(@QueryParam("at") LocalDate at) {
        List<OrgUnitVersion> all = units.on(dateOrToday(at), null);
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

    @Operation(summary = "Xem một đơn vị",
            description = "Một đơn vị theo mã.\n\n*English:* One org unit by code.")
    @GET
    @Path("/{code}")
    public OrgUnitView get(@PathParam("code") String code, @QueryParam("at") LocalDate at) {
        return OrgUnitView.of(units.get(code, at));
    }

    @Operation(summary = "Lịch sử đơn vị",
            description = "Các phiên bản của đơn vị theo thời gian (đổi tên, chuyển, sáp nhập, giải thể).\n\n*English:* The versions of an org unit over time.")
    @GET
    @Path("/{code}/history")
    public List<OrgUnitView> history(@PathParam("code") String code) {
        return units.history(code).stream().map(OrgUnitView::of).toList();
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgUnitView.class))})
    @Operation(summary = "Thêm đơn vị",
            description = "Tạo đơn vị mới có hiệu lực từ một ngày; phát `org-unit.created`.\n\n*English:* Create an org unit; publishes `org-unit.created`.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public Response create(@Valid @NotNull OrgUnitRequests.Create request) {
        OrgUnitVersion unit = units.create(request.code(), request.name(), request.kind(), request.parentCode(),
                dateOrToday(request.validFrom()));
        return Response.created(URI.create("/api/org-units/" + unit.code)).entity(OrgUnitView.of(unit)).build();
    }

    @Operation(summary = "Sửa đơn vị",
            description = "Đổi tên hoặc loại của đơn vị từ một ngày; phát `org-unit.changed`.\n\n*English:* Change an org unit from a date; publishes `org-unit.changed`.")
    @PATCH
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public OrgUnitView change(@PathParam("code") String code, @Valid @NotNull OrgUnitRequests.Change request) {
        return OrgUnitView.of(units.change(code, request.name(), request.kind(), dateOrToday(request.effectiveOn())));
    }

    @Operation(summary = "Chuyển đơn vị",
            description = "Chuyển đơn vị sang đơn vị cha khác từ một ngày; phát `org-unit.moved`.\n\n*English:* Move an org unit under another parent; publishes `org-unit.moved`.")
    @POST
    @Path("/{code}/move")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public OrgUnitView move(@PathParam("code") String code, @Valid @NotNull OrgUnitRequests.Move request) {
        return OrgUnitView.of(units.move(code, request.parentCode(), dateOrToday(request.effectiveOn())));
    }

    @Operation(summary = "Sáp nhập đơn vị",
            description = "Sáp nhập các đơn vị vào một đơn vị; cán bộ được chuyển theo; phát `org-unit.merged`.\n\n*English:* Merge units into one; their staff move along; publishes `org-unit.merged`.")
    @POST
    @Path("/merge")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public List<OrgUnitView> merge(@Valid @NotNull OrgUnitRequests.Merge request) {
        return units.merge(request.sourceCodes(), request.targetCode(), dateOrToday(request.effectiveOn()))
                .stream().map(OrgUnitView::of).toList();
    }

    @Operation(summary = "Giải thể đơn vị",
            description = "Giải thể đơn vị không còn đơn vị con và cán bộ; phát `org-unit.dissolved`.\n\n*English:* Dissolve an empty unit; publishes `org-unit.dissolved`.")
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
