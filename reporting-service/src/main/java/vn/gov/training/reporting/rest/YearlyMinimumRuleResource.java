package vn.gov.training.reporting.rest;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.vocabulary.CodeLists;
import vn.gov.training.reporting.service.YearlyMinimumRules;

/** The yearly-minimum rules (report 3): read by every reader of the reports, changed by an administrator. */
@Tag(name = "Quy định bồi dưỡng tối thiểu", description = "Số tiết bồi dưỡng tối thiểu hằng năm. / Yearly minimum retraining rules.")
@Path("/api/yearly-minimum-rules")
@Produces(MediaType.APPLICATION_JSON)
public class YearlyMinimumRuleResource {

    public record RuleRequest(
            @NotBlank @Pattern(regexp = CodeLists.STAFF_CATEGORY_PATTERN) String staffCategory,
            @NotNull @Min(1) @Max(2000) Integer minimumPeriods,
            @NotNull LocalDate effectiveFrom,
            @NotBlank @Size(max = 300) String legalBasis) {
    }

    private final YearlyMinimumRules rules;

    YearlyMinimumRuleResource(YearlyMinimumRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "Quy định bồi dưỡng tối thiểu",
            description = "Số tiết bồi dưỡng tối thiểu hằng năm theo đối tượng và thời gian hiệu lực.\n\n*English:* Yearly minimum retraining rules.")
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.LEADER, Roles.UNIT_OFFICER, Roles.INTEGRATION})
    public List<YearlyMinimumRules.Rule> list() {
        return rules.all();
    }

    @APIResponse(responseCode = "201", description = "Đã thêm quy định.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearlyMinimumRules.Rule.class))})
    @Operation(summary = "Thêm quy định bồi dưỡng tối thiểu",
            description = "Thêm quy định mới có hiệu lực từ một năm (chỉ sau quy định mới nhất).\n\n*English:* Add a yearly minimum rule from a year (after the latest).")
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Valid @NotNull RuleRequest request) {
        YearlyMinimumRules.Rule rule = rules.add(request.staffCategory(), request.minimumPeriods(),
                request.effectiveFrom(), request.legalBasis().strip());
        return Response.status(Response.Status.CREATED).entity(rule).build();
    }
}
