package vn.gov.training.course.rest;

import java.net.URI;
import java.time.LocalDate;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.course.domain.ClassStatus;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.service.ClassCalendar;
import vn.gov.training.course.service.ClassQueries;
import vn.gov.training.course.service.ClassService;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.IdempotentWrites;
import vn.gov.training.platform.web.PageResponse;

/**
 * Classes. Everyone signed in reads them; admins and province managers manage all, institution staff their own
 * institution's, unit officers those their unit (or a unit below it) organises. Status changes are actions:
 * open, start, complete, cancel; an illegal one is 409 naming the allowed ones.
 */
@Tag(name = "Lớp học", description = "Các lớp (một lần tổ chức của một chương trình): lịch, sĩ số, kinh phí, trạng thái. / Classes.")
@Path("/api/classes")
@Authenticated
public class ClassResource {


    private final ClassService classes;
    private final ClassQueries queries;
    private final ClassCalendar calendar;
    private final IdempotentWrites idempotent;
    private final Messages messages;

    ClassResource(ClassService classes, ClassQueries queries, ClassCalendar calendar, IdempotentWrites idempotent,
                  Messages messages) {
        this.classes = classes;
        this.queries = queries;
        this.calendar = calendar;
        this.idempotent = idempotent;
        this.messages = messages;
    }

    @Operation(summary = "Tìm lớp học",
            description = "Danh sách lớp học (phân trang), lọc theo chương trình, cơ sở đào tạo, đơn vị tổ chức, trạng thái và khoảng ngày.\n\n*English:* Search classes (paged), filtered by programme, institution, organising unit, status and dates.")
    @GET
    public PageResponse<ClassView> list(@QueryParam("program") UUID program, @QueryParam("code") String code,
            @QueryParam("category") String category, @QueryParam("institution") String institution,
            @QueryParam("unit") String unit, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("status") String status, @QueryParam("openForRegistration") Boolean openForRegistration,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "{field.not-negative}") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "{field.page-size}")
            @Max(value = 200, message = "{field.page-size}") int size) {
        var filter = new ClassQueries.Filter(program, Params.blankToNull(code),
                Params.enumOf(ProgramCategory.class, category, "category", messages),
                Params.blankToNull(institution), Params.blankToNull(unit), from, to,
                Params.enumOf(ClassStatus.class, status, "status", messages), openForRegistration);
        PageResponse<CourseClass> found = queries.search(filter, page, size);
        var programs = classes.programsOf(found.items());
        return found.map(c -> ClassView.of(c, programs.get(ClassService.programKey(c.programId, c.programVersion))));
    }

    @Operation(summary = "Xem một lớp học",
            description = "Toàn bộ thông tin một lớp: chương trình (theo phiên bản lớp dùng), thời gian, địa điểm, sĩ số, kinh phí, buổi học.\n\n*English:* One class with its programme version, dates, venue, capacity, funding and sessions.")
    @GET
    @Path("/{id}")
    public ClassView get(@PathParam("id") UUID id) {
        return view(classes.get(id));
    }

    /** The sessions as iCalendar (RFC 5545) for learners' calendars. */
    @APIResponse(responseCode = "200", description = "Lịch iCalendar (RFC 5545).",
            content = {@Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Lịch lớp học (iCalendar)",
            description = "Lịch các buổi học của lớp dạng `text/calendar` (giờ Asia/Ho_Chi_Minh) để nhập vào ứng dụng lịch.\n\n*English:* The class's sessions as an iCalendar file (Asia/Ho_Chi_Minh times).")
    @GET
    @Path("/{id}/calendar.ics")
    @Produces("text/calendar")
    public Response calendar(@PathParam("id") UUID id) {
        CourseClass c = classes.get(id);
        return Response.ok(calendar.of(c, classes.programOf(c)), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + c.code + ".ics\"").build();
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassView.class))})
    @Operation(summary = "Mở kế hoạch một lớp học",
            description = "Tạo lớp mới (trạng thái PLANNED) cho một chương trình đã công bố; phát sự kiện `class.scheduled`.\n\n*English:* Schedule a new class (PLANNED) of a published programme; publishes `class.scheduled`.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public Response schedule(@Valid @NotNull ClassRequest request,
                             @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            CourseClass created = classes.schedule(request.toFields());
            return Response.created(URI.create("/api/classes/" + created.id)).entity(view(created)).build();
        });
    }

    @Operation(summary = "Sửa lớp học",
            description = "Thay toàn bộ thông tin sửa được của lớp (chưa kết thúc); phát sự kiện `class.changed`.\n\n*English:* Replace a class's editable data (not yet completed); publishes `class.changed`.")
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView update(@PathParam("id") UUID id, @Valid @NotNull ClassRequest request) {
        return view(classes.update(id, request.toFields()));
    }

    @Operation(summary = "Mở đăng ký lớp",
            description = "Chuyển lớp sang OPEN để nhận cử đi học; phát `class.opened`.\n\n*English:* Open a class for nominations; publishes `class.opened`.")
    @POST
    @Path("/{id}/open")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView open(@PathParam("id") UUID id) {
        return view(classes.open(id));
    }

    @Operation(summary = "Khai giảng lớp",
            description = "Chuyển lớp sang IN_PROGRESS; phát `class.started`.\n\n*English:* Start a class; publishes `class.started`.")
    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView start(@PathParam("id") UUID id) {
        return view(classes.start(id));
    }

    @Operation(summary = "Kết thúc lớp",
            description = "Chuyển lớp sang COMPLETED; phát `class.completed`.\n\n*English:* Complete a class; publishes `class.completed`.")
    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView complete(@PathParam("id") UUID id) {
        return view(classes.complete(id));
    }

    @Operation(summary = "Hủy lớp",
            description = "Hủy lớp với lý do; các học viên được thông báo qua sự kiện `class.cancelled`.\n\n*English:* Cancel a class with a reason; publishes `class.cancelled`.")
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView cancel(@PathParam("id") UUID id, @Valid @NotNull ClassRequest.Cancel request) {
        return view(classes.cancel(id, request.reason()));
    }

    private ClassView view(CourseClass c) {
        return ClassView.of(c, classes.programOf(c));
    }
}
