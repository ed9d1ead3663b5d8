package vn.gov.training.enrolment.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of every {@code vn.gov.training.enrolment.*.v1} event (topic {@code enrolment}, key = enrolment id): the
 * enrolment's full current state, with the institution of its class (code and
 * name, from the class copy; added later, so consumers accept events without them). Schema: {@code events/enrolment.schema.json}.
 */
public record EnrolmentEventData(UUID enrolmentId, UUID personnelId, UUID classId, UUID programId, String category,
                                 String level, String deliveryMode, String location, String institutionCode,
                                 String institutionName, LocalDate startDate,
                                 LocalDate endDate, String nominatingUnitCode, String personOrgUnitCode,
                                 String personCategory, String status, Fit fit, String justification,
                                 String fundingSource, Long fundingAmountVnd, Long costVnd, List<Exam> exams,
                                 String grade, String credentialNumber, LocalDate credentialIssuedOn,
                                 Integer periodsAttended, Level grantsLevel, LocalDate completedOn,
                                 LocalDate withdrawnOn, String reason, LocalDate effectiveOn) {

    public static final String TOPIC = "enrolment";

    public record Fit(String assessment, List<String> reasons) {
    }

    public record Exam(String kind, int attempt, BigDecimal score, boolean passed, LocalDate takenOn) {
    }

    public record Level(String kind, String level) {
    }
}
