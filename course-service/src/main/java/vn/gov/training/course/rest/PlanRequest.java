package vn.gov.training.course.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.service.PlanFields;

/** Body of POST /api/plans and PUT /api/plans/{id} (a draft only; year and unit may not change). */
public record PlanRequest(
        @NotNull(message = "{field.required}") @Min(value = 2000, message = "{field.year}") @Max(value = 2100, message = "{field.year}") Integer year,
        @NotBlank(message = "{field.required}") String orgUnitCode,
        @NotNull(message = "{field.required}") List<@Valid @NotNull(message = "{field.required}") Item> items,
        @Size(max = 2000, message = "{field.too-long}") String note) {

    public PlanFields toFields() {
        return new PlanFields(year, orgUnitCode, items == null ? null : items.stream()
                .map(i -> new PlanFields.Item(i.category(), i.level(), i.plannedClasses(), i.targetLearners()))
                .toList(), note);
    }

    public record Item(@NotNull(message = "{field.required}") ProgramCategory category, String level,
                       @NotNull(message = "{field.required}") @PositiveOrZero(message = "{field.not-negative}") Integer plannedClasses,
                       @NotNull(message = "{field.required}") @PositiveOrZero(message = "{field.not-negative}") Integer targetLearners) {
    }
}
