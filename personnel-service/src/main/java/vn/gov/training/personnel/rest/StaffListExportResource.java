package vn.gov.training.personnel.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.service.PersonAccess;
import vn.gov.training.personnel.service.PersonalDataReads;
import vn.gov.training.personnel.service.PersonnelSearch;
import vn.gov.training.personnel.service.StaffListExport;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;

/** The staff list with the filters of the search, as an Excel file, masked as the caller's role requires. */
@Tag(name = "Cán bộ", description = "Hồ sơ cán bộ, công chức, viên chức: đơn vị, ngạch, chức danh, quá trình công tác, đánh giá, tài khoản. / Staff records.")
@Path("/api/personnel/export")
public class StaffListExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** At most this many people in one file: a larger list is narrowed with the filters first. */
    static final int LIMIT = 20_000;
    private static final int PAGE = 200;

    private final PersonnelSearch search;
    private final PersonAccess access;
    private final PersonalDataReads personalDataReads;
    private final StaffListExport export;

    StaffListExportResource(PersonnelSearch search, PersonAccess access, PersonalDataReads personalDataReads,
                            StaffListExport export) {
        this.search = search;
        this.access = access;
        this.personalDataReads = personalDataReads;
        this.export = export;
    }

    @APIResponse(responseCode = "200", description = "Tệp Excel danh sách cán bộ.",
            content = {@Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Xuất danh sách cán bộ ra Excel",
            description = "Danh sách cán bộ trong phạm vi với cùng bộ lọc như tìm kiếm (tối đa 20.000 người), các cột như tệp mẫu nhập cùng tên đơn vị, chức vụ, ngạch, trạng thái. Số định danh bị che và ngày sinh chỉ còn năm trừ khi vai trò cho phép.\n\n*English:* The staff list in scope with the search's filters as an Excel file (at most 20,000 people); national ID masked and only the year of birth unless the role allows.")
    @GET
    @Produces(XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER, Roles.LEADER})
    public Response export(@QueryParam("q") String q, @QueryParam("unit") String unit,
                           @QueryParam("includeSubunits") @DefaultValue("false") boolean includeSubunits,
                           @QueryParam("category") String category, @QueryParam("rankCode") String rankCode,
                           @QueryParam("titleCode") String titleCode, @QueryParam("level") String level,
                           @QueryParam("status") String status, @QueryParam("sort") String sort) {
        List<StaffListExport.Line> lines = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResponse<Person> found = search.search(new PersonnelSearch.Criteria(q, unit, includeSubunits, category,
                    rankCode, titleCode, level, status, page, PAGE, sort), access.visibility());
            if (found.total() > LIMIT) {
                throw ProblemException.invalid("export-too-large", found.total(), LIMIT);
            }
            personalDataReads.shown(found.items(), "GET /api/personnel/export");
            for (Person p : found.items()) {
                lines.add(new StaffListExport.Line(p, access.seesPersonalData(p)));
            }
            if (found.items().size() < PAGE) {
                break;
            }
        }
        return Response.ok(export.write(lines), XLSX)
                .header("Content-Disposition", "attachment; filename=\"danh-sach-can-bo.xlsx\"").build();
    }
}
