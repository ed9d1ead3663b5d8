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
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
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

    @GET
    @Path("/{id}")
    public ClassView get(@PathParam("id") UUID id) {
        return view(classes.get(id));
    }

    /** The sessions as iCalendar (RFC 5545) for learners' calendars. */
    @GET
    @Path("/{id}/calendar.ics")
    @Produces("text/calendar")
    public Response calendar(@PathParam("id") UUID id) {
        CourseClass c = classes.get(id);
        return Response.ok(calendar.of(c, classes.programOf(c)), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + c.code + ".ics\"").build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public Response schedule(@Valid @NotNull ClassRequest request,
                             @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            CourseClass created = classes.schedule(request);
            return Response.created(URI.create("/api/classes/" + created.id)).entity(view(created)).build();
        });
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView update(@PathParam("id") UUID id, @Valid @NotNull ClassRequest request) {
        return view(classes.update(id, request));
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView open(@PathParam("id") UUID id) {
        return view(classes.open(id));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView start(@PathParam("id") UUID id) {
        return view(classes.start(id));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INSTITUTION_STAFF, Roles.UNIT_OFFICER})
    public ClassView complete(@PathParam("id") UUID id) {
        return view(classes.complete(id));
    }

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
