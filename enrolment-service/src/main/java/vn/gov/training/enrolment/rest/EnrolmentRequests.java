package vn.gov.training.enrolment.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import vn.gov.training.enrolment.domain.AttendanceStatus;
import vn.gov.training.enrolment.domain.ExamKind;
import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.enrolment.service.Nomination;

/** Request bodies of the enrolment API. */
public final class EnrolmentRequests {

    public static final String FUNDING = "STATE_BUDGET|UNIT|SELF|SPONSOR";

    private EnrolmentRequests() {
    }

    public record Nominate(
            @NotNull(message = "{field.required}") UUID personnelId,
            @NotNull(message = "{field.required}") UUID classId,
            @Size(max = 50, message = "{field.too-long}") String nominatingUnitCode,
            @Size(max = 100, message = "{field.too-long}") String decisionNumber,
            LocalDate decisionDate,
            @Pattern(regexp = FUNDING, message = "{field.funding-source}") String fundingSource,
            @PositiveOrZero(message = "{field.not-negative}") Long fundingAmountVnd,
            @Size(max = 4000, message = "{field.too-long}") String justification,
            @Size(max = 4000, message = "{field.too-long}") String note,
            Boolean historical) {

        public Nomination toNomination() {
            return new Nomination(personnelId, classId, nominatingUnitCode, decisionNumber, decisionDate, fundingSource,
                    fundingAmountVnd, justification, note, Boolean.TRUE.equals(historical));
        }
    }

    public record Bulk(@NotEmpty(message = "{field.required}") @Size(max = 500, message = "{field.too-many}")
                       List<@Valid @NotNull Nominate> rows) {
    }

    public record Assess(@NotNull(message = "{field.required}") UUID personnelId,
                         @NotNull(message = "{field.required}") UUID classId, Boolean historical) {
    }

    public record AssessMany(@NotNull(message = "{field.required}") UUID classId, Boolean historical,
                             @NotEmpty(message = "{field.required}") @Size(max = 500, message = "{field.too-many}")
                             List<@NotNull(message = "{field.required}") UUID> personnelIds) {
    }

    public record Approvals(@NotEmpty(message = "{field.required}") @Size(max = 500, message = "{field.too-many}")
                            List<@NotNull(message = "{field.required}") UUID> enrolmentIds) {
    }

    public record Reason(@Size(max = 2000, message = "{field.too-long}") String reason, LocalDate date) {
    }

    /** A withdrawal: the reason is required, the date defaults to today. */
    public record Withdrawal(@NotBlank(message = "{field.required}") @Size(max = 2000, message = "{field.too-long}")
                             String reason, LocalDate date) {
    }

    public record RequiredReason(@NotBlank(message = "{field.required}") @Size(max = 2000, message = "{field.too-long}")
                                 String reason) {
    }

    public record Exam(@NotNull(message = "{field.required}") ExamKind kind,
                       @Min(value = 0, message = "{field.not-negative}") @Max(value = 100, message = "{field.score}")
                       BigDecimal score,
                       @NotNull(message = "{field.required}") Boolean passed, LocalDate takenOn) {
    }

    public record Complete(@NotNull(message = "{field.required}") Grade grade,
                           @Size(max = 100, message = "{field.too-long}") String credentialNumber,
                           LocalDate credentialIssuedOn,
                           @PositiveOrZero(message = "{field.not-negative}") Integer periodsAttended,
                           LocalDate completedOn) {
    }

    public record Attendance(@NotNull(message = "{field.required}") AttendanceStatus status) {
    }

    public record AttendanceSheet(@NotBlank(message = "{field.required}") String sessionId,
                                  @NotEmpty(message = "{field.required}") List<@Valid @NotNull AttendanceEntry> entries) {
    }

    public record AttendanceEntry(@NotNull(message = "{field.required}") UUID enrolmentId,
                                  @NotNull(message = "{field.required}") AttendanceStatus status) {
    }

    /** One row of a class's results sheet: COMPLETED with a grade, FAILED or WITHDRAWN with a reason. */
    public record ResultRow(@NotNull(message = "{field.required}") UUID enrolmentId,
                            @NotNull(message = "{field.required}") @Pattern(regexp = "COMPLETED|FAILED|WITHDRAWN",
                                    message = "{field.outcome}") String outcome,
                            Grade grade,
                            @Size(max = 100, message = "{field.too-long}") String credentialNumber,
                            LocalDate credentialIssuedOn,
                            @PositiveOrZero(message = "{field.not-negative}") Integer periodsAttended,
                            LocalDate date,
                            @Size(max = 2000, message = "{field.too-long}") String reason) {
    }

    public record ResultSheet(@NotEmpty(message = "{field.required}") List<@Valid @NotNull ResultRow> rows) {
    }

    public record Return(LocalDate returnedOn, LocalDate reportSubmittedOn) {
    }

    public record Quota(@NotNull(message = "{field.required}") @PositiveOrZero(message = "{field.not-negative}")
                        Integer seats) {
    }
}
