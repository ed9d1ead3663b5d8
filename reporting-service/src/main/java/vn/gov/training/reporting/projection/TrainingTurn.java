package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import vn.gov.training.reporting.projection.ConsumedEvents.Enrolment;
import vn.gov.training.reporting.projection.ConsumedEvents.Exam;

/**
 * The one definition of a training turn (lượt cán bộ) that every figure, breakdown and drill-down follows (see the
 * README): one person who actually sat in one class. The class started with them in it and, where it has an entry
 * exam, they passed it. COMPLETED, IN_PROGRESS, FAILED after the start and WITHDRAWN on or after the start date are
 * turns; rejected, waitlisted, nominated or approved (not started), withdrawn before the start date, failed at the
 * entry exam and enrolments ended by a cancelled class are not.
 * <p>
 * The projection stores each enrolment with its <em>reported status</em>: the producer's status, except that the
 * enrolments the producer calls WITHDRAWN or FAILED but that never became a turn get a status of their own, so
 * that {@link #TURN} alone separates turns from the rest in every table that carries a status.
 */
public final class TrainingTurn {

    /** Condition on a row's reported status (enrolment, training_fact): the row is a training turn. */
    public static final String TURN = "status in ('IN_PROGRESS', 'COMPLETED', 'FAILED', 'WITHDRAWN')";

    /**
     * Where a turn belongs (assignments for an enrolment row, alias e): the unit and staff category its person had
     * on the class's start date, from the person's dated history (person_version), not the unit that nominated them
     * or where they were when nominated; the producer's values (source_*) only while that history is unknown.
     */
    public static final String PLACE;

    /** Condition on an enrolment row (alias e): it is not where {@link #PLACE} puts it. */
    public static final String MISPLACED;

    static {
        String atStart = "from person_version v where v.personnel_id = e.personnel_id"
                + " and v.effective_from <= e.start_date and (v.effective_to is null or v.effective_to > e.start_date)";
        String unit = "coalesce((select v.unit_code " + atStart + " and v.unit_code is not null), e.source_unit_code)";
        String category = "coalesce((select v.category " + atStart + " and v.category is not null),"
                + " e.source_staff_category)";
        PLACE = "unit_code = " + unit + ", staff_category = " + category;
        MISPLACED = "(e.unit_code, e.staff_category) is distinct from (" + unit + ", " + category + ")";
    }

    /** Withdrawn before the class's start date: never sat in the class. */
    public static final String WITHDRAWN_EARLY = "WITHDRAWN_EARLY";
    /** Stopped at the entry exam: never admitted to the training. */
    public static final String ENTRY_EXAM_FAILED = "ENTRY_EXAM_FAILED";
    /** Ended because the class was cancelled. */
    public static final String CLASS_CANCELLED = "CLASS_CANCELLED";

    /** The reasons enrolment-service gives for an entry-exam failure and for a cancelled class. */
    private static final String ENTRY_EXAM_FAILED_REASON = "entry-exam-failed";
    private static final String CLASS_CANCELLED_REASON = "class-cancelled";

    private TrainingTurn() {
    }

    /** The status the read model stores for an enrolment event. */
    public static String reportedStatus(Enrolment e) {
        String status = e.status() == null ? "" : e.status();
        return switch (status) {
            case "WITHDRAWN" -> withdrawn(e.reason(), e.withdrawnOn(), e.startDate());
            case "FAILED" -> failedAtEntry(e.reason(), e.exams()) ? ENTRY_EXAM_FAILED : status;
            default -> status;
        };
    }

    private static String withdrawn(String reason, LocalDate withdrawnOn, LocalDate startDate) {
        if (CLASS_CANCELLED_REASON.equals(reason)) {
            return CLASS_CANCELLED;
        }
        // enrolment-service always dates a withdrawal; an undated one cannot be shown to precede the start
        return withdrawnOn != null && startDate != null && withdrawnOn.isBefore(startDate) ? WITHDRAWN_EARLY
                : "WITHDRAWN";
    }

    /** Failed at the entry exam: the producer says so, or no entry exam was passed and one was failed. */
    private static boolean failedAtEntry(String reason, List<Exam> exams) {
        if (ENTRY_EXAM_FAILED_REASON.equals(reason)) {
            return true;
        }
        List<Exam> entry = Objects.requireNonNullElse(exams, List.<Exam>of()).stream()
                .filter(x -> "ENTRY".equals(x.kind())).toList();
        return !entry.isEmpty() && entry.stream().noneMatch(x -> Boolean.TRUE.equals(x.passed()));
    }

    /**
     * Whether a completed enrolment's periods count towards the yearly retraining minimum: retraining (bồi dưỡng)
     * does, degree training (đào tạo: a programme that grants an education degree or the bachelor of politics)
     * does not.
     */
    public static boolean retraining(Enrolment e) {
        ConsumedEvents.Level grants = e.grantsLevel();
        return grants == null || !("EDUCATION".equals(grants.kind()) || "BACHELOR_OF_POLITICS".equals(grants.level()));
    }
}
