package vn.gov.training.personnel.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Rating;
import vn.gov.training.personnel.service.AccountService;
import vn.gov.training.personnel.service.PersonAccess;
import vn.gov.training.personnel.service.PersonalDataReads;
import vn.gov.training.personnel.service.PersonFields;
import vn.gov.training.personnel.service.PersonPatch;
import vn.gov.training.personnel.service.PersonnelSearch;
import vn.gov.training.personnel.service.PersonnelService;
import vn.gov.training.personnel.service.RatingService;
import vn.gov.training.platform.audit.AuditRecord;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/**
 * Staff records. Everyone signed in may call the reads, which show only what the caller may see; HR roles
 * (admins, province managers, unit officers in their subtree) write. Records are never deleted.
 */
@Tag(name = "Cán bộ", description = "Hồ sơ cán bộ, công chức, viên chức: đơn vị, ngạch, chức danh, quá trình công tác, đánh giá, tài khoản. / Staff records.")
@Path("/api/personnel")
@Authenticated
public class PersonnelResource {

    private final PersonnelService personnel;
    private final PersonnelSearch search;
    private final PersonAccess access;
    private final RatingService ratings;
    private final AccountService accounts;
    private final AuditTrail audit;
    @Inject
    PersonalDataReads personalDataReads;

    PersonnelResource(PersonnelService personnel, PersonnelSearch search, PersonAccess access, RatingService ratings,
                      AccountService accounts, AuditTrail audit) {
        this.personnel = personnel;
        this.search = search;
        this.access = access;
        this.ratings = ratings;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Operation(summary = "Tìm cán bộ",
            description = "Danh sách cán bộ trong phạm vi (phân trang), tìm không phân biệt dấu, lọc theo đơn vị, đối tượng, ngạch, trạng thái; xuất Excel/CSV. Số định danh và ngày sinh được che trừ khi vai trò cho phép.\n\n*English:* Search staff in scope (paged, diacritics-insensitive); Excel/CSV export; national ID and date of birth masked unless the role allows.")
    @GET
    public PageResponse<PersonView> list(@QueryParam("q") String q, @QueryParam("unit") String unit,
                                         @QueryParam("includeSubunits") @DefaultValue("false") boolean includeSubunits,
                                         @QueryParam("category") String category,
                                         @QueryParam("rankCode") String rankCode,
                                         @QueryParam("titleCode") String titleCode,
                                         @QueryParam("level") String level, @QueryParam("status") String status,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20")
                                         @Min(value = 1, message = "{field.page-size}")
                                         @Max(value = 200, message = "{field.page-size}") int size,
                                         @QueryParam("sort") String sort) {
        PageResponse<Person> found = search.search(new PersonnelSearch.Criteria(q, unit, includeSubunits, category,
                rankCode, titleCode, level, status, page, size, sort), access.visibility());
        personalDataReads.shown(found.items(), "GET /api/personnel");
        return found.map(p -> PersonView.of(p, access.seesPersonalData(p)));
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonView.class))})
    @Operation(summary = "Thêm hồ sơ cán bộ",
            description = "Tạo hồ sơ cán bộ mới; số định danh cá nhân 12 số không được trùng; phát `personnel.registered`.\n\n*English:* Register a person (unique 12-digit national ID); publishes `personnel.registered`.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response register(@NotNull PersonFields request) {
        Person p = personnel.register(request);
        return Response.created(URI.create("/api/personnel/" + p.id)).entity(PersonView.of(p, true)).build();
    }

    @Operation(summary = "Xem hồ sơ cán bộ",
            description = "Hồ sơ một cán bộ: đơn vị, đối tượng, ngạch, chức danh, vị trí việc làm, trạng thái.\n\n*English:* One person's record.")
    @GET
    @Path("/{id}")
    public PersonView get(@PathParam("id") UUID id) {
        Person p = access.readable(id);
        personalDataReads.shown(List.of(p), "GET /api/personnel/{id}");
        return PersonView.of(p, access.seesPersonalData(p));
    }

    @Operation(summary = "Sửa hồ sơ cán bộ",
            description = "Sửa một phần hồ sơ (JSON merge patch), có kiểm toán; phát `personnel.updated`.\n\n*English:* Partly update a record (merge patch), audited; publishes `personnel.updated`.")
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PersonView update(@PathParam("id") UUID id, @NotNull PersonPatch patch) {
        return PersonView.of(personnel.update(id, patch), true);
    }

    @Operation(summary = "Điều chuyển cán bộ",
            description = "Chuyển cán bộ sang đơn vị khác từ một ngày; phát `personnel.transferred`.\n\n*English:* Transfer a person to another unit from a date; publishes `personnel.transferred`.")
    @POST
    @Path("/{id}/transfer")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PersonView transfer(@PathParam("id") UUID id, @Valid @NotNull PersonnelRequests.Transfer request) {
        Person p = personnel.transfer(id, request.orgUnitCode(),
                request.effectiveOn() != null ? request.effectiveOn() : ProvinceTime.today());
        return PersonView.of(p, access.seesPersonalData(p));
    }

    @Operation(summary = "Ghi cán bộ nghỉ việc",
            description = "Ghi nghỉ hưu, thôi việc, chuyển công tác ra ngoài...; phát `personnel.left`.\n\n*English:* Record that a person left (retired, resigned, ...); publishes `personnel.left`.")
    @POST
    @Path("/{id}/leave")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public PersonView leave(@PathParam("id") UUID id, @Valid @NotNull PersonnelRequests.Leave request) {
        return PersonView.of(personnel.leave(id, request.reason(),
                request.leftOn() != null ? request.leftOn() : ProvinceTime.today()), true);
    }

    public record AssignmentView(String orgUnitCode, LocalDate validFrom, LocalDate validTo, String reason) {
    }

    /** Where the person worked when. */
    @Operation(summary = "Quá trình công tác",
            description = "Các đơn vị, ngạch, chức danh của cán bộ theo thời gian.\n\n*English:* A person's assignments over time.")
    @GET
    @Path("/{id}/assignments")
    public List<AssignmentView> assignments(@PathParam("id") UUID id) {
        return personnel.assignments(id).stream()
                .map(a -> new AssignmentView(a.orgUnitCode, a.validFrom, a.validTo, a.reason)).toList();
    }

    public record AuditView(String occurredAt, String actor, String action, @JsonRawValue String before,
                            @JsonRawValue String after) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.occurredAt.toString(), r.actor, r.action, r.before, r.after);
        }
    }

    /** The audit trail of the record (before/after of every change): for the HR roles responsible for it. */
    @Operation(summary = "Lịch sử thay đổi hồ sơ",
            description = "Nhật ký kiểm toán của hồ sơ: ai, khi nào, trước và sau.\n\n*English:* Audit history of a person's record.")
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public List<AuditView> history(@PathParam("id") UUID id) {
        Person p = access.writable(id);
        return audit.history(PersonnelService.AUDIT_TYPE, p.id).stream()
                .map(AuditView::of).toList();
    }

    public record RatingView(int year, String rating) {
    }

    @Operation(summary = "Kết quả đánh giá hằng năm",
            description = "Xếp loại đánh giá của cán bộ theo năm.\n\n*English:* A person's yearly ratings.")
    @GET
    @Path("/{id}/ratings")
    public List<RatingView> ratings(@PathParam("id") UUID id) {
        return ratings.ofPerson(id).stream().map(r -> new RatingView(r.year, r.rating.name())).toList();
    }

    @Operation(summary = "Ghi kết quả đánh giá năm",
            description = "Ghi hoặc sửa xếp loại của một năm.\n\n*English:* Record or change the rating of a year.")
    @PUT
    @Path("/{id}/ratings/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public RatingView setRating(@PathParam("id") UUID id, @PathParam("year") int year,
                                @Valid @NotNull PersonnelRequests.SetRating request) {
        Rating r = ratings.set(id, year, request.rating());
        return new RatingView(r.year, r.rating.name());
    }

    @APIResponse(responseCode = "202", description = "Đã nhận yêu cầu tạo tài khoản.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountService.AccountState.class))})
    @Operation(summary = "Tạo tài khoản đăng nhập cho cán bộ",
            description = "Tạo tài khoản Keycloak gắn với hồ sơ và vai trò cho phép. Khi hồ sơ có thư điện tử, Keycloak"
                    + " gửi cho cán bộ thư đặt mật khẩu (liên kết có hạn 72 giờ) ngay khi tài khoản được tạo;"
                    + " `passwordMail` cho biết thư đã gửi chưa và tới địa chỉ nào (NO_EMAIL: bổ sung thư điện tử rồi"
                    + " yêu cầu lại).\n\n*English:* Create the person's login account; Keycloak mails the person a"
                    + " link to set their password (`passwordMail` tells whether and where it was sent).")
    @POST
    @Path("/{id}/account")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response requestAccount(@PathParam("id") UUID id, PersonnelRequests.AccountRequest request) {
        PersonnelRequests.AccountRequest body = request != null ? request
                : new PersonnelRequests.AccountRequest(null, null);
        return Response.accepted(accounts.request(id, body.username(), body.roles())).build();
    }

    @Operation(summary = "Xem tài khoản của cán bộ",
            description = "Tên đăng nhập, vai trò và trạng thái tài khoản của cán bộ.\n\n*English:* The person's login account.")
    @GET
    @Path("/{id}/account")
    public AccountService.AccountState account(@PathParam("id") UUID id) {
        return accounts.state(id);
    }
}
