package vn.gov.training.course.rest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import vn.gov.training.course.domain.FundingSource;
import vn.gov.training.course.domain.Location;
import vn.gov.training.course.service.ClassFields;

/**
 * Body of POST /api/classes and PUT /api/classes/{id}. Funding is either one {@code fundingSource} (100 %) or a
 * {@code funding} split whose percentages sum to 100. On PUT, code and programId may be left out but not changed;
 * sessions that keep their {@code sessionId} keep it in calendars and attendance.
 */
public record ClassRequest(
        @Pattern(regexp = Codes.CODE, message = "{field.code-format}") String code,
        UUID programId,
        @NotBlank(message = "{field.required}") String institutionCode,
        @NotBlank(message = "{field.required}") String organisingUnitCode,
        Location location,
        @Pattern(regexp = "[A-Z]{2}", message = "{field.country}") String country,
        @Size(max = 300, message = "{field.too-long}") String venue,
        @NotNull(message = "{field.required}") LocalDate startDate,
        @NotNull(message = "{field.required}") LocalDate endDate,
        @NotNull(message = "{field.required}") @Positive(message = "{field.positive}") @Max(value = 10000, message = "{field.too-large}") Integer capacity,
        @Min(value = 0, message = "{field.not-negative}") Integer minCapacity,
        @NotNull(message = "{field.required}") LocalDate registrationOpensOn,
        @NotNull(message = "{field.required}") LocalDate registrationClosesOn,
        @NotNull(message = "{field.required}") @PositiveOrZero(message = "{field.not-negative}") Long costPerLearnerVnd,
        FundingSource fundingSource,
        List<@Valid @NotNull(message = "{field.required}") Funding> funding,
        List<@Valid @NotNull(message = "{field.required}") Session> sessions) {

    public ClassFields toFields() {
        return new ClassFields(code, programId, institutionCode, organisingUnitCode, location, country, venue,
                startDate, endDate, capacity, minCapacity, registrationOpensOn, registrationClosesOn,
                costPerLearnerVnd, fundingSource,
                funding == null ? null : funding.stream().map(Funding::toFields).toList(),
                sessions == null ? null : sessions.stream().map(Session::toFields).toList());
    }

    public record Funding(@NotNull(message = "{field.required}") FundingSource source,
                          @NotNull(message = "{field.required}") @Min(value = 1, message = "{field.percent}") @Max(value = 100, message = "{field.percent}") Integer percent) {

        ClassFields.Funding toFields() {
            return new ClassFields.Funding(source, percent);
        }
    }

    public record Session(UUID sessionId,
                          @NotNull(message = "{field.required}") LocalDate date,
                          @NotNull(message = "{field.required}") LocalTime startTime,
                          @NotNull(message = "{field.required}") LocalTime endTime,
                          @NotBlank(message = "{field.required}") @Size(max = 500, message = "{field.too-long}") String topic,
                          @Size(max = 300, message = "{field.too-long}") String lecturer) {

        ClassFields.Session toFields() {
            return new ClassFields.Session(sessionId, date, startTime, endTime, topic, lecturer);
        }
    }

    public record Cancel(@NotBlank(message = "{field.required}") @Size(max = 1000, message = "{field.too-long}") String reason) {
    }
}
