package vn.gov.training.enrolment.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
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

import vn.gov.training.enrolment.domain.RuleSet;
import vn.gov.training.enrolment.service.RuleSetService;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.vocabulary.CodeLists;

/**
 * The training rules as data, effective-dated per staff category. A new rule set for a category closes the one
 * in force the day before it starts (rules change by decree; the old ones keep applying to past dates).
 */
@Tag(name = "Quy tắc cử đi học", description = "Điều kiện cử đi học theo văn bản pháp luật, có hiệu lực theo thời gian. / Eligibility rule sets.")
@Path("/api/rule-sets")
@Authenticated
public class RuleSetResource {

    private final RuleSetService ruleSets;

    RuleSetResource(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    public record Create(@NotBlank(message = "{field.required}") @Size(max = 50, message = "{field.too-long}") String code,
                         @NotBlank(message = "{field.required}") @Size(max = 300, message = "{field.too-long}") String name,
                         @NotNull(message = "{field.required}") @Pattern(regexp = CodeLists.STAFF_CATEGORY_PATTERN,
                                 message = "{field.staff-category}") String staffCategory,
                         @NotNull(message = "{field.required}") LocalDate effectiveFrom,
                         @NotNull(message = "{field.required}") @Min(18) @Max(70) Integer postgraduateMaxAge,
                         @NotNull(message = "{field.required}") @Min(0) @Max(40) Integer minServiceYears,
                         @NotNull(message = "{field.required}") @Min(0) @Max(10) Integer requiredGoodRatingYears,
                         @NotNull(message = "{field.required}") @Min(1) @Max(10) Integer commitmentFactor,
                         @NotNull(message = "{field.required}") @Min(1) @Max(120) Integer coveredMinTrainingMonths,
                         @NotNull(message = "{field.required}") @Min(0) @Max(1000) Integer yearlyMinimumPeriods) {
    }

    /** Rule sets, optionally of one category and only the one in force on {@code on}. */
    @Operation(summary = "Danh sách bộ quy tắc",
            description = "Các bộ quy tắc cử đi học theo văn bản (Nghị định), đối tượng và thời gian hiệu lực.\n\n*English:* Eligibility rule sets by decree, staff category and validity.")
    @GET
    public List<RuleSetView> list(@QueryParam("category") String category, @QueryParam("on") LocalDate on) {
        return ruleSets.list(category, on).stream().map(RuleSetView::of).toList();
    }

    @Operation(summary = "Xem một bộ quy tắc",
            description = "Một bộ quy tắc với các tham số (số năm công tác, tuổi tối đa, hệ số cam kết...).\n\n*English:* One rule set with its parameters.")
    @GET
    @Path("/{id}")
    public RuleSetView get(@PathParam("id") Long id) {
        return RuleSetView.of(ruleSets.get(id));
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class))})
    @Operation(summary = "Thêm bộ quy tắc",
            description = "Thêm bộ quy tắc có hiệu lực từ một ngày; không được chồng thời gian với bộ khác cùng đối tượng.\n\n*English:* Add a rule set from a date; periods may not overlap.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    public Response create(@Valid @NotNull Create request) {
        RuleSet rules = ruleSets.create(new RuleSetService.NewRuleSet(request.code(), request.name(),
                request.staffCategory(), request.effectiveFrom(), request.postgraduateMaxAge(),
                request.minServiceYears(), request.requiredGoodRatingYears(), request.commitmentFactor(),
                request.coveredMinTrainingMonths(), request.yearlyMinimumPeriods()), request);
        return Response.created(URI.create("/api/rule-sets/" + rules.id)).entity(RuleSetView.of(rules)).build();
    }
}
