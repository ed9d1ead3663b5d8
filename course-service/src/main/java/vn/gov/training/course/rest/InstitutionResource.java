package vn.gov.training.course.rest;

import java.net.URI;
import java.util.List;

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

import vn.gov.training.course.domain.Institution;
import vn.gov.training.course.domain.InstitutionKind;
import vn.gov.training.course.service.InstitutionService;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.IdempotentWrites;
import vn.gov.training.platform.web.PageResponse;

/** Training institutions: read by everyone signed in, kept by the province. */
@Tag(name = "Cơ sở đào tạo", description = "Trường chính trị, học viện, trường đại học, cơ sở quốc phòng. / Training institutions.")
@Path("/api/institutions")
@Authenticated
public class InstitutionResource {

    private final InstitutionService institutions;
    private final IdempotentWrites idempotent;
    private final Messages messages;

    InstitutionResource(InstitutionService institutions, IdempotentWrites idempotent, Messages messages) {
        this.institutions = institutions;
        this.idempotent = idempotent;
        this.messages = messages;
    }

    @Operation(summary = "Danh sách cơ sở đào tạo",
            description = "Các cơ sở đào tạo, bồi dưỡng (trường chính trị, học viện, trường đại học, bộ chỉ huy quân sự...).\n\n*English:* List training institutions.")
    @GET
    public PageResponse<InstitutionView> list(@QueryParam("q") String q, @QueryParam("kind") String kind,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "{field.not-negative}") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "{field.page-size}")
            @Max(value = 200, message = "{field.page-size}") int size) {
        InstitutionKind kindFilter = Params.enumOf(InstitutionKind.class, kind, "kind", messages);
        String text = Params.blankToNull(q) == null ? null : q;
        return institutions.search(text, kindFilter, page, size).map(InstitutionView::of);
    }

    @Operation(summary = "Xem một cơ sở đào tạo",
            description = "Một cơ sở đào tạo theo mã.\n\n*English:* One institution by code.")
    @GET
    @Path("/{code}")
    public InstitutionView get(@PathParam("code") String code) {
        return InstitutionView.of(institutions.get(code));
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class))})
    @Operation(summary = "Thêm cơ sở đào tạo",
            description = "Tạo cơ sở đào tạo mới; mã không được trùng.\n\n*English:* Create an institution; the code must be new.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public Response create(@Valid @NotNull InstitutionRequest request,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.execute(idempotencyKey, request, () -> {
            Institution created = institutions.create(request.code(), request.name(), request.kind(),
                    request.country());
            return Response.created(URI.create("/api/institutions/" + created.code))
                    .entity(InstitutionView.of(created)).build();
        });
    }

    @Operation(summary = "Sửa cơ sở đào tạo",
            description = "Thay thông tin của cơ sở đào tạo theo mã.\n\n*English:* Replace an institution's data.")
    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public InstitutionView update(@PathParam("code") String code, @Valid @NotNull InstitutionRequest request) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalid(List.of(messages.fieldError("code", "immutable")));
        }
        return InstitutionView.of(institutions.update(code, request.name(), request.kind(), request.country()));
    }
}
