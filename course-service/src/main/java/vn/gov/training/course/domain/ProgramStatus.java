package vn.gov.training.course.domain;

import java.util.List;

/** DRAFT → PUBLISHED → RETIRED. Only published programmes get classes. */
public enum ProgramStatus {
    DRAFT, PUBLISHED, RETIRED;

    public List<ProgramStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(PUBLISHED);
            case PUBLISHED -> List.of(RETIRED);
            case RETIRED -> List.of();
        };
    }

    public boolean canBecome(ProgramStatus target) {
        return next().contains(target);
    }
}
