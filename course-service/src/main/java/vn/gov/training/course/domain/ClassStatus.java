package vn.gov.training.course.domain;

import java.util.List;

/** PLANNED → OPEN → IN_PROGRESS → COMPLETED; a class not yet completed may be CANCELLED with a reason. */
public enum ClassStatus {
    PLANNED, OPEN, IN_PROGRESS, COMPLETED, CANCELLED;

    public List<ClassStatus> next() {
        return switch (this) {
            case PLANNED -> List.of(OPEN, CANCELLED);
            case OPEN -> List.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> List.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    public boolean canBecome(ClassStatus target) {
        return next().contains(target);
    }

    /** Whether the class's details (dates, sessions, venue, capacity, cost) may still change. */
    public boolean isEditable() {
        return this == PLANNED || this == OPEN || this == IN_PROGRESS;
    }
}
