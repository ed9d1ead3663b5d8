package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.List;

/** The fields of the consumed events that the reports use; producers' schemas have more (ignored). */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    public record OrgUnit(String code, String name, String kind, String parentCode, LocalDate validFrom,
                          LocalDate validTo, String mergedInto, LocalDate effectiveOn) {
    }

    public record Qualification(String qualificationId, String kind, String level, LocalDate awardedOn) {
    }

    public record PlannedTitle(String planId, String titleCode, String orgUnitCode, String status) {
    }

    public record Rating(Integer year, String rating) {
    }

    public record Personnel(String personnelId, String fullName, String gender, String ethnicity, String category,
                            String orgUnitCode, String titleCode, String managementTier, LocalDate startedServiceOn,
                            String status, LocalDate leftOn, LocalDate effectiveOn,
                            List<Qualification> qualifications, List<Rating> ratings,
                            List<PlannedTitle> plannedTitles) {
    }

    public record Program(String programId, String name, String category, String level, Integer periods,
                          String deliveryMode) {
    }

    public record TrainingClass(String classId, String code, Program program, String organisingUnitCode,
                                String location, LocalDate startDate, LocalDate endDate, Long costPerLearnerVnd,
                                String status) {
    }

    public record PlanItem(String category, String level, Integer plannedClasses, Integer targetLearners) {
    }

    public record Plan(String planId, Integer year, String orgUnitCode, String status, List<PlanItem> items) {
    }

    public record Fit(String assessment) {
    }

    public record Exam(String kind, Integer attempt, Boolean passed) {
    }

    public record Enrolment(String enrolmentId, String personnelId, String classId, String category, String level,
                            String deliveryMode, String location, LocalDate startDate, LocalDate endDate,
                            String personOrgUnitCode, String personCategory, String status, Fit fit,
                            String fundingSource, Long fundingAmountVnd, Long costVnd, List<Exam> exams,
                            String grade, Integer periodsAttended, LocalDate completedOn, LocalDate withdrawnOn) {
    }

    public record Commitment(String commitmentId, String enrolmentId, String personnelId, LocalDate startsOn,
                             LocalDate endsOn, Integer months, Long costVnd, String status) {
    }

    public record Repayment(String caseId, String commitmentId, String enrolmentId, String personnelId,
                            Long amountVnd, String status, String decisionNumber, LocalDate decidedOn) {
    }
}
