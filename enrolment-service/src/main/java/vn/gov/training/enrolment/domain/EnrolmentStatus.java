package vn.gov.training.enrolment.domain;

import java.util.EnumSet;
import java.util.Set;

public enum EnrolmentStatus {
    REQUESTED, NOMINATED, APPROVED, WAITLISTED, REJECTED, WITHDRAWN, IN_PROGRESS, COMPLETED, FAILED;

    /**
     * Statuses that always hold a seat in the class. A FAILED enrolment holds its seat too, except after a failed
     * entry exam ({@link #ENTRY_EXAM_FAILED}): that person never started the training, so the seat is free again.
     */
    public static final Set<EnrolmentStatus> SEATED = EnumSet.of(APPROVED, IN_PROGRESS, COMPLETED);

    /** The reason of a FAILED enrolment whose entry exam was failed: it never held a place in the training. */
    public static final String ENTRY_EXAM_FAILED = "entry-exam-failed";

    /** Statuses of an enrolment that is over or refused: the person may be nominated again. */
    public static final Set<EnrolmentStatus> CLOSED = EnumSet.of(REJECTED, WITHDRAWN);

    public boolean inTraining() {
        return this == APPROVED || this == IN_PROGRESS;
    }
}
