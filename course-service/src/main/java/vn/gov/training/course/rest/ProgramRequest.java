package vn.gov.training.course.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import vn.gov.training.course.domain.Credential;
import vn.gov.training.course.domain.DeliveryMode;
import vn.gov.training.course.domain.LevelRef;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.domain.TargetGroups;
import vn.gov.training.course.service.ProgramFields;

/**
 * Body of POST /api/programs and PUT /api/programs/{id} (the whole content; on PUT the code may be left out but
 * not changed). Rules that span fields (level fits the category, length given, grants and prerequisites are real
 * personnel levels) are checked by the service.
 */
public record ProgramRequest(
        @Pattern(regexp = Codes.CODE, message = "{field.code-format}") String code,
        @NotBlank(message = "{field.required}") @Size(max = 300, message = "{field.too-long}") String name,
        @NotNull(message = "{field.required}") ProgramCategory category,
        String level,
        @PositiveOrZero(message = "{field.not-negative}") @Max(value = 10000, message = "{field.too-large}") Integer periods,
        @PositiveOrZero(message = "{field.not-negative}") @Max(value = 3000, message = "{field.too-large}") Integer days,
        @NotNull(message = "{field.required}") DeliveryMode deliveryMode,
        @NotNull(message = "{field.required}") Credential credential,
        LevelRef grantsLevel,
        @PositiveOrZero(message = "{field.not-negative}") Integer yearlyMinimumPeriods,
        TargetGroups targetGroups,
        List<@NotNull(message = "{field.required}") LevelRef> prerequisites,
        List<@NotBlank(message = "{field.required}") String> requiredRankCodes,
        Boolean postgraduate,
        Boolean overseas,
        @PositiveOrZero(message = "{field.not-negative}") @Max(value = 10, message = "{field.too-large}") Integer maxExitExamRetakes,
        @Size(max = 5000, message = "{field.too-long}") String description) {

    public ProgramFields toFields() {
        return new ProgramFields(code, name, category, level, periods, days, deliveryMode, credential, grantsLevel,
                yearlyMinimumPeriods, targetGroups, prerequisites, requiredRankCodes, postgraduate, overseas,
                maxExitExamRetakes, description);
    }
}
