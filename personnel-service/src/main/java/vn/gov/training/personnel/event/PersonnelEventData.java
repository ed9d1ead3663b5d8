package vn.gov.training.personnel.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of every {@code vn.gov.training.personnel.*.v1} event (topic {@code personnel}, key = personnel id): the
 * person's full current state, so consumers upsert and never call back. Never the national ID. {@code planGaps}
 * (added in v1, additively): for each ACTIVE succession plan, the levels the planned title's standards require that
 * the person does not hold today, by the same rule as {@code GET /api/personnel/{id}/gaps}.
 * {@code nationalIdDigest} (added additively): the keyed digest of the national ID (platform {@code NationalIdDigest}),
 * by which enrolment-service's history import finds a person named by national ID.
 * {@code email} (added additively): the person's work e-mail address, where enrolment-service mails their
 * notifications; null when the record has none.
 * Schema: {@code events/personnel.schema.json}.
 */
public record PersonnelEventData(UUID personnelId, String fullName, String gender, String ethnicity,
                                 LocalDate dateOfBirth, String category, String orgUnitCode, String jobPositionCode,
                                 String titleCode, String rankCode, String managementTier, LocalDate startedServiceOn,
                                 String status, LocalDate leftOn, String leftReason, LocalDate effectiveOn,
                                 List<QualificationData> qualifications, List<RatingData> ratings,
                                 List<PlannedTitleData> plannedTitles, List<PlanGapData> planGaps,
                                 String nationalIdDigest, String email) {

    public static final String TOPIC = "personnel";
    public static final String AGGREGATE = "personnel";

    public record QualificationData(UUID qualificationId, String kind, String level, LocalDate awardedOn,
                                    String source) {
    }

    public record RatingData(int year, String rating) {
    }

    /** One level a planned title requires that the person lacks. */
    public record PlanGapData(UUID planId, String titleCode, String kind, String level) {
    }

    public record PlannedTitleData(UUID planId, String titleCode, String orgUnitCode, int termStart, int termEnd,
                                   String status) {
    }
}
