package vn.gov.training.course.rest;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.domain.ProgramStatus;
import vn.gov.training.course.domain.ProgramVersion;
import vn.gov.training.course.service.ProgramQueries;
import vn.gov.training.course.service.ProgramService;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.IdempotentWrites;
import vn.gov.training.platform.web.PageResponse;

/**
 * The catalogue. Everyone signed in reads published (and retired) programmes; drafts exist only for the province
 * staff who keep the catalogue (admins, province managers), who also write it.
 */
@Path("/api/programs")
@Authenticated
public class ProgramResource {

    private final ProgramService programs;
    private final ProgramQueries queries;
    private final IdempotentWrites idempotent;
    private final Messages messages;
    private final Caller caller;

    ProgramResource(ProgramService programs, ProgramQueries queries, IdempotentWrites idempotent, Messages messages,
                    Caller caller) {
        this.programs = programs;
        this.queries = queries;
        this.idempotent = idempotent;
        this.messages = messages;
        this.caller = caller;
    }

    @GET
    public PageResponse<ProgramView> search(@QueryParam("q") String q, @QueryParam("code") String code,
            @QueryParam("category") String category, @QueryParam("level") String level,
            @QueryParam("targetRank") String targetRank, @QueryParam("targetTitle") String targetTitle,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "{field.not-negative}") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "{field.page-size}")
            @Max(value = 200, message = "{field.page-size}") int size) {
        ProgramCategory categoryFilter = Params.enumOf(ProgramCategory.class, category, "category", messages);
        ProgramStatus statusFilter = Params.enumOf(ProgramStatus.class, status, "status", messages);
        var filter = new ProgramQueries.Filter(Params.blankToNull(q), Params.blankToNull(code),
                categoryFilter == null ? null : categoryFilter.name(), Params.blankToNull(level),
                Params.blankToNull(targetRank), Params.blankToNull(targetTitle),
                statusFilter == null ? null : statusFilter.name(), keepsCatalogue());
        return queries.search(filter, page, size).map(e -> ProgramView.of(e.program(), e.version()));
    }

    @GET
    @Path("/{id}")
    public ProgramView get(@PathParam("id") UUID id) {
        return ProgramView.of(readable(id));
    }

    /** Every version, oldest first: what classes scheduled on an older version were taught. */
    @GET
    @Path("/{id}/versions")
    public List<ProgramView> versions(@PathParam("id") UUID id) {
        Program program = readable(id);
        return ProgramVersion.history(id).stream().map(v -> ProgramView.of(program, v)).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    public ProgramView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        Program program = readable(id);
        return ProgramVersion.of(id, version).map(v -> ProgramView.of(program, v))
                .orElseThrow(() -> ProblemException.notFound("program-version-not-found", program.code, version));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public Response create(@Valid @NotNull ProgramRequest request,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            Program created = programs.create(request);
            return Response.created(URI.create("/api/programs/" + created.id)).entity(ProgramView.of(created))
                    .build();
        });
    }

    /** Replaces the content; once published this adds a version ({@code program.revised}). */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public ProgramView update(@PathParam("id") UUID id, @Valid @NotNull ProgramRequest request) {
        return ProgramView.of(programs.update(id, request));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public ProgramView publish(@PathParam("id") UUID id) {
        return ProgramView.of(programs.publish(id));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public ProgramView retire(@PathParam("id") UUID id) {
        return ProgramView.of(programs.retire(id));
    }

    private Program readable(UUID id) {
        Program program = programs.get(id);
        if (program.status == ProgramStatus.DRAFT && !keepsCatalogue()) {
            throw ProblemException.notFound("program-not-found", id);
        }
        return program;
    }

    private boolean keepsCatalogue() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
    }
}
