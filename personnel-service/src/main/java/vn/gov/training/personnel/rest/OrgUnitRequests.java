package vn.gov.training.personnel.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.gov.training.personnel.domain.OrgUnitKind;

/** Request bodies of {@link OrgUnitResource}. Dates default to today where they are optional. */
public final class OrgUnitRequests {

    public static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,49}";

    private OrgUnitRequests() {
    }

    public record Create(
            @NotBlank(message = "{field.required}") @Pattern(regexp = CODE, message = "{field.org-unit-code}") String code,
            @NotBlank(message = "{field.required}") @Size(max = 300, message = "{field.too-long}") String name,
            @NotNull(message = "{field.required}") OrgUnitKind kind,
            @Pattern(regexp = CODE, message = "{field.org-unit-code}") String parentCode,
            LocalDate validFrom) {
    }

    public record Change(@Size(min = 1, max = 300, message = "{field.too-long}") String name, OrgUnitKind kind,
                         LocalDate effectiveOn) {
    }

    public record Move(@NotBlank(message = "{field.required}") String parentCode, LocalDate effectiveOn) {
    }

    public record Merge(@NotEmpty(message = "{field.required}") List<@NotBlank String> sourceCodes,
                        @NotBlank(message = "{field.required}") String targetCode, LocalDate effectiveOn) {
    }

    public record Dissolve(LocalDate effectiveOn) {
    }
}
