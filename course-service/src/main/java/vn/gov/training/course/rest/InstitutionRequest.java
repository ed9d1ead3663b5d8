package vn.gov.training.course.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.gov.training.course.domain.InstitutionKind;

/** Body of POST /api/institutions and PUT /api/institutions/{code}; {@code country} defaults to VN. */
public record InstitutionRequest(
        @NotBlank(message = "{field.required}") @Pattern(regexp = Codes.CODE, message = "{field.code-format}") String code,
        @NotBlank(message = "{field.required}") @Size(max = 300, message = "{field.too-long}") String name,
        @NotNull(message = "{field.required}") InstitutionKind kind,
        @Pattern(regexp = "[A-Z]{2}", message = "{field.country}") String country) {
}
