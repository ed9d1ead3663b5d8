package vn.gov.training.personnel.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.gov.training.personnel.domain.LeftReason;
import vn.gov.training.personnel.domain.RatingValue;

/** Request bodies of the staff-record endpoints not covered by the service's own records. */
public final class PersonnelRequests {

    private PersonnelRequests() {
    }

    public record Transfer(@NotBlank(message = "{field.required}") String orgUnitCode, LocalDate effectiveOn) {
    }

    public record Leave(@NotNull(message = "{field.required}") LeftReason reason, LocalDate leftOn) {
    }

    public record SetRating(@NotNull(message = "{field.required}") RatingValue rating) {
    }

    public record AccountRequest(String username, List<String> roles) {
    }
}
