package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of the consumed events that the reports use. Producers' schemas have more and grow additively: every
 * record ignores the fields it does not know (whatever the reader's configuration), and every field may be absent.
 */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrgUnit(String code, String name, String kind, String parentCode, LocalDate validFrom,
                          LocalDate validTo, String mergedInto, LocalDate effectiveOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Qualification(String qualificationId, String kind, String level, LocalDate awardedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlannedTitle(String planId, String titleCode, String orgUnitCode, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rating(Integer year, String rating) {
    }

    /** A level a planned person still lacks for the title of an ACTIVE plan. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanGap(String planId, String titleCode, String kind, String level) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Personnel(String personnelId, String fullName, String gender, String ethnicity, String category,
                            String orgUnitCode, String titleCode, String rankCode, String managementTier,
                            LocalDate startedServiceOn, String status, LocalDate leftOn, LocalDate effectiveOn,
                            List<Qualification> qualifications, List<Rating> ratings,
                            List<PlannedTitle> plannedTitles, List<PlanGap> planGaps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Program(String programId, String name, String category, String level, Integer periods,
                          String deliveryMode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrainingClass(String classId, String code, Program program, String organisingUnitCode,
                                String location, LocalDate startDate, LocalDate endDate, Long costPerLearnerVnd,
                                String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanItem(String category, String level, Integer plannedClasses, Integer targetLearners) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(String planId, Integer year, String orgUnitCode, String status, List<PlanItem> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fit(String assessment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Exam(String kind, Integer attempt, Boolean passed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrolment(String enrolmentId, String personnelId, String classId, String category, String level,
                            String deliveryMode, String location, LocalDate startDate, LocalDate endDate,
                            String personOrgUnitCode, String personCategory, String status, Fit fit,
                            String fundingSource, Long fundingAmountVnd, Long costVnd, List<Exam> exams,
                            String grade, Integer periodsAttended, LocalDate completedOn, LocalDate withdrawnOn,
                            String reason, Level grantsLevel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(String kind, String level) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(String commitmentId, String enrolmentId, String personnelId, LocalDate startsOn,
                             LocalDate endsOn, Integer months, Long costVnd, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Repayment(String caseId, String commitmentId, String enrolmentId, String personnelId,
                            Long amountVnd, String status, String decisionNumber, LocalDate decidedOn) {
    }
}
