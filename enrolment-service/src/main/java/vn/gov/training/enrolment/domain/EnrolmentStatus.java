package vn.gov.training.enrolment.domain;

import java.util.EnumSet;
import java.util.Set;

public enum EnrolmentStatus {
    REQUESTED, NOMINATED, APPROVED, WAITLISTED, REJECTED, WITHDRAWN, IN_PROGRESS, COMPLETED, FAILED;

    /** Statuses that hold a seat in the class. */
    public static final Set<EnrolmentStatus> SEATED = EnumSet.of(APPROVED, IN_PROGRESS, COMPLETED, FAILED);

    /** Statuses of an enrolment that is over or refused: the person may be nominated again. */
    public static final Set<EnrolmentStatus> CLOSED = EnumSet.of(REJECTED, WITHDRAWN);

    public boolean inTraining() {
        return this == APPROVED || this == IN_PROGRESS;
    }
}
