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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.domain.ProgramStatus;
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
@Tag(name = "Chương trình", description = "Danh mục chương trình đào tạo, bồi dưỡng có phiên bản. / The versioned programme catalogue.")
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

    @Operation(summary = "Tìm chương trình",
            description = "Danh mục chương trình đào tạo, bồi dưỡng (phân trang), lọc theo loại, trình độ, trạng thái, từ khóa không dấu.\n\n*English:* Search the programme catalogue (paged) by category, level, status, text.")
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

    @Operation(summary = "Xem một chương trình",
            description = "Phiên bản hiện hành của chương trình: đối tượng, điều kiện, số tiết, văn bằng, trình độ được cấp.\n\n*English:* The current version of a programme.")
    @GET
    @Path("/{id}")
    public ProgramView get(@PathParam("id") UUID id) {
        return ProgramView.of(readable(id));
    }

    /** Every version, oldest first: what classes scheduled on an older version were taught. */
    @Operation(summary = "Các phiên bản của chương trình",
            description = "Lịch sử phiên bản của một chương trình.\n\n*English:* All versions of a programme.")
    @GET
    @Path("/{id}/versions")
    public List<ProgramView> versions(@PathParam("id") UUID id) {
        Program program = readable(id);
        return programs.versions(id).stream().map(v -> ProgramView.of(program, v)).toList();
    }

    @Operation(summary = "Xem một phiên bản chương trình",
            description = "Một phiên bản cụ thể của chương trình (lớp học dùng phiên bản tại thời điểm mở).\n\n*English:* One version of a programme.")
    @GET
    @Path("/{id}/versions/{version}")
    public ProgramView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        Program program = readable(id);
        return programs.version(id, version).map(v -> ProgramView.of(program, v))
                .orElseThrow(() -> ProblemException.notFound("program-version-not-found", program.code, version));
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramView.class))})
    @Operation(summary = "Thêm chương trình",
            description = "Tạo chương trình mới (DRAFT).\n\n*English:* Create a draft programme.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public Response create(@Valid @NotNull ProgramRequest request,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            Program created = programs.create(request.toFields());
            return Response.created(URI.create("/api/programs/" + created.id)).entity(ProgramView.of(created))
                    .build();
        });
    }

    /** Replaces the content; once published this adds a version ({@code program.revised}). */
    @Operation(summary = "Sửa chương trình",
            description = "Sửa chương trình; chương trình đã công bố được tạo phiên bản mới và phát `program.revised`.\n\n*English:* Revise a programme (a published one gets a new version, `program.revised`).")
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public ProgramView update(@PathParam("id") UUID id, @Valid @NotNull ProgramRequest request) {
        return ProgramView.of(programs.update(id, request.toFields()));
    }

    @Operation(summary = "Công bố chương trình",
            description = "Đưa chương trình vào danh mục (PUBLISHED); phát `program.published`.\n\n*English:* Publish a programme; publishes `program.published`.")
    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public ProgramView publish(@PathParam("id") UUID id) {
        return ProgramView.of(programs.publish(id));
    }

    @Operation(summary = "Ngừng chương trình",
            description = "Ngừng áp dụng chương trình (RETIRED); phát `program.retired`.\n\n*English:* Retire a programme; publishes `program.retired`.")
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
