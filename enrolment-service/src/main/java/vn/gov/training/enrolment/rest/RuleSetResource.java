package vn.gov.training.enrolment.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/**
 * The training rules as data, effective-dated per staff category. A new rule set for a category closes the one
 * in force the day before it starts (rules change by decree; the old ones keep applying to past dates).
 */
@Tag(name = "Quy tắc cử đi học", description = "Điều kiện cử đi học theo văn bản pháp luật, có hiệu lực theo thời gian. / Eligibility rule sets.")
@Path("/api/rule-sets")
@Authenticated
public class RuleSetResource {

    private final AuditTrail audit;

    RuleSetResource(AuditTrail audit) {
        this.audit = audit;
    }

    public record Create(@NotBlank(message = "{field.required}") @Size(max = 50, message = "{field.too-long}") String code,
                         @NotBlank(message = "{field.required}") @Size(max = 300, message = "{field.too-long}") String name,
                         @NotNull(message = "{field.required}") @Pattern(regexp = "CADRE|CIVIL_SERVANT|PUBLIC_EMPLOYEE",
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
    public List<RuleSet> list(@QueryParam("category") String category, @QueryParam("on") LocalDate on) {
        if (category != null && on != null) {
            return RuleSet.inForce(category, on).map(List::of).orElse(List.of());
        }
        if (category != null) {
            return RuleSet.list("staffCategory = ?1 order by effectiveFrom", category);
        }
        return RuleSet.list("order by staffCategory, effectiveFrom");
    }

    @Operation(summary = "Xem một bộ quy tắc",
            description = "Một bộ quy tắc với các tham số (số năm công tác, tuổi tối đa, hệ số cam kết...).\n\n*English:* One rule set with its parameters.")
    @GET
    @Path("/{id}")
    public RuleSet get(@PathParam("id") Long id) {
        RuleSet rules = RuleSet.findById(id);
        if (rules == null) {
            throw ProblemException.notFound("rule-set-not-found", id);
        }
        return rules;
    }

    @APIResponse(responseCode = "201", description = "Đã tạo; địa chỉ trong `Location`.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSet.class))})
    @Operation(summary = "Thêm bộ quy tắc",
            description = "Thêm bộ quy tắc có hiệu lực từ một ngày; không được chồng thời gian với bộ khác cùng đối tượng.\n\n*English:* Add a rule set from a date; periods may not overlap.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
    @Transactional
    public Response create(@Valid @NotNull Create request) {
        List<RuleSet> later = RuleSet.list("staffCategory = ?1 and effectiveFrom >= ?2", request.staffCategory(),
                request.effectiveFrom());
        if (!later.isEmpty()) {
            throw ProblemException.conflict("rule-set-overlap", request.staffCategory(), later.get(0).effectiveFrom);
        }
        RuleSet.<RuleSet>list("staffCategory = ?1 and (effectiveTo is null or effectiveTo >= ?2)",
                request.staffCategory(), request.effectiveFrom()).forEach(previous -> {
                    previous.effectiveTo = request.effectiveFrom().minusDays(1);
                    audit.record("rule-set", previous.id, "closed", null, previous.effectiveTo);
                });
        RuleSet rules = new RuleSet();
        rules.code = request.code();
        rules.name = request.name();
        rules.staffCategory = request.staffCategory();
        rules.effectiveFrom = request.effectiveFrom();
        rules.postgraduateMaxAge = request.postgraduateMaxAge();
        rules.minServiceYears = request.minServiceYears();
        rules.requiredGoodRatingYears = request.requiredGoodRatingYears();
        rules.commitmentFactor = request.commitmentFactor();
        rules.coveredMinTrainingMonths = request.coveredMinTrainingMonths();
        rules.yearlyMinimumPeriods = request.yearlyMinimumPeriods();
        rules.persist();
        audit.record("rule-set", rules.id, "created", null, request);
        return Response.created(URI.create("/api/rule-sets/" + rules.id)).entity(rules).build();
    }
}
