package vn.gov.training.enrolment.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The fields of personnel-service's {@code personnel} events this service uses; the producer's schema has more. */
public record PersonnelData(UUID personnelId, String fullName, LocalDate dateOfBirth, String category,
                            String orgUnitCode, String jobPositionCode, String titleCode, String rankCode,
                            String managementTier, LocalDate startedServiceOn, String status, LocalDate leftOn,
                            String leftReason, LocalDate effectiveOn, List<Qualification> qualifications,
                            List<Rating> ratings, List<PlannedTitle> plannedTitles,
                            String nationalIdDigest, String email) {

    public record Qualification(String kind, String level, LocalDate awardedOn) {
    }

    public record Rating(Integer year, String rating) {
    }

    public record PlannedTitle(String titleCode, String orgUnitCode, Object termStart, Object termEnd,
                               String status) {
    }
}
