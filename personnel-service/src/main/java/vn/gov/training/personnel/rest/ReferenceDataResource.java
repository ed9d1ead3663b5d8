package vn.gov.training.personnel.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.JobPosition;
import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.personnel.domain.Rank;
import vn.gov.training.personnel.domain.RoleType;
import vn.gov.training.personnel.domain.Standard;
import vn.gov.training.personnel.domain.Title;
import vn.gov.training.personnel.service.ReferenceDataService;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;

/** Ranks, titles, job positions and standards: read by everyone signed in, kept by the province. */
@Tag(name = "Danh mục", description = "Ngạch, chức danh, vị trí việc làm và tiêu chuẩn trình độ của chúng. / Ranks, titles, job positions and their standards.")
@Path("/api/reference")
@Authenticated
public class ReferenceDataResource {

    public record RankView(String code, String name, String category) {
    }

    public record TitleView(String code, String name) {
    }

    public record JobPositionView(String code, String name, String orgUnitCode) {
    }

    public record StandardView(QualificationKind kind, String level, String category, LocalDate validFrom,
                               LocalDate validTo, String programCategory) {
        static StandardView of(Standard s) {
            return new StandardView(s.kind, s.level, s.category, s.validFrom, s.validTo, s.kind.programCategory());
        }
    }

    public record SaveRank(@NotBlank(message = "{field.required}") String name, String category) {
    }

    public record SaveName(@NotBlank(message = "{field.required}") String name, String orgUnitCode) {
    }

    public record NewStandard(@NotNull(message = "{field.required}") QualificationKind kind,
                              @NotBlank(message = "{field.required}") String level, String category,
                              LocalDate validFrom) {
    }

    private static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,49}";

    private final ReferenceDataService reference;

    ReferenceDataResource(ReferenceDataService reference) {
        this.reference = reference;
    }

    @Operation(summary = "Danh mục ngạch",
            description = "Các ngạch công chức, viên chức.\n\n*English:* Ranks.")
    @GET
    @Path("/ranks")
    public List<RankView> ranks() {
        return reference.ranks().stream().map(r -> new RankView(r.code, r.name, r.category)).toList();
    }

    @Operation(summary = "Lưu ngạch",
            description = "Thêm hoặc sửa một ngạch theo mã.\n\n*English:* Create or replace a rank.")
    @PUT
    @Path("/ranks/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public RankView saveRank(@PathParam("code") @Pattern(regexp = CODE) String code,
                             @Valid @NotNull SaveRank request) {
        Rank r = reference.saveRank(code, request.name(), request.category());
        return new RankView(r.code, r.name, r.category);
    }

    @Operation(summary = "Danh mục chức danh",
            description = "Các chức danh, chức vụ lãnh đạo, quản lý.\n\n*English:* Titles.")
    @GET
    @Path("/titles")
    public List<TitleView> titles() {
        return reference.titles().stream().map(t -> new TitleView(t.code, t.name)).toList();
    }

    @Operation(summary = "Lưu chức danh",
            description = "Thêm hoặc sửa một chức danh theo mã.\n\n*English:* Create or replace a title.")
    @PUT
    @Path("/titles/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public TitleView saveTitle(@PathParam("code") @Pattern(regexp = CODE) String code,
                               @Valid @NotNull SaveName request) {
        Title t = reference.saveTitle(code, request.name());
        return new TitleView(t.code, t.name);
    }

    /** Every job position, or with {@code unit} those a holder there may have (every unit's, its own, its ancestors'). */
    @Operation(summary = "Danh mục vị trí việc làm",
            description = "Các vị trí việc làm.\n\n*English:* Job positions.")
    @GET
    @Path("/job-positions")
    public List<JobPositionView> jobPositions(@QueryParam("unit") String unit) {
        return reference.jobPositions(unit).stream().map(j -> new JobPositionView(j.code, j.name, j.orgUnitCode)).toList();
    }

    @Operation(summary = "Lưu vị trí việc làm",
            description = "Thêm hoặc sửa một vị trí việc làm theo mã.\n\n*English:* Create or replace a job position.")
    @PUT
    @Path("/job-positions/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public JobPositionView saveJobPosition(@PathParam("code") @Pattern(regexp = CODE) String code,
                                           @Valid @NotNull SaveName request) {
        JobPosition j = reference.saveJobPosition(code, request.name(), request.orgUnitCode());
        return new JobPositionView(j.code, j.name, j.orgUnitCode);
    }

    /** The standards of a title valid on {@code at}; without {@code at}, the whole history. */
    @Operation(summary = "Tiêu chuẩn của chức danh",
            description = "Các trình độ chức danh yêu cầu, theo đối tượng và thời gian hiệu lực.\n\n*English:* The standards a title requires.")
    @GET
    @Path("/titles/{code}/standards")
    public List<StandardView> titleStandards(@PathParam("code") String code, @QueryParam("at") LocalDate at) {
        return standards(RoleType.TITLE, code, at);
    }

    @Operation(summary = "Thêm tiêu chuẩn cho chức danh",
            description = "Thêm một tiêu chuẩn trình độ có hiệu lực từ một ngày.\n\n*English:* Add a title standard from a date.")
    @POST
    @Path("/titles/{code}/standards")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public StandardView addTitleStandard(@PathParam("code") String code, @Valid @NotNull NewStandard request) {
        return add(RoleType.TITLE, code, request);
    }

    @Operation(summary = "Tiêu chuẩn của vị trí việc làm",
            description = "Các trình độ vị trí việc làm yêu cầu.\n\n*English:* The standards a job position requires.")
    @GET
    @Path("/job-positions/{code}/standards")
    public List<StandardView> jobPositionStandards(@PathParam("code") String code, @QueryParam("at") LocalDate at) {
        return standards(RoleType.JOB_POSITION, code, at);
    }

    @Operation(summary = "Thêm tiêu chuẩn cho vị trí việc làm",
            description = "Thêm một tiêu chuẩn trình độ có hiệu lực từ một ngày.\n\n*English:* Add a job-position standard from a date.")
    @POST
    @Path("/job-positions/{code}/standards")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public StandardView addJobPositionStandard(@PathParam("code") String code, @Valid @NotNull NewStandard request) {
        return add(RoleType.JOB_POSITION, code, request);
    }

    private List<StandardView> standards(RoleType type, String code, LocalDate at) {
        return reference.standards(type, code, at).stream().map(StandardView::of).toList();
    }

    private StandardView add(RoleType type, String code, NewStandard request) {
        return StandardView.of(reference.addStandard(type, code, request.kind(), request.level(), request.category(),
                request.validFrom() != null ? request.validFrom() : ProvinceTime.today()));
    }
}
