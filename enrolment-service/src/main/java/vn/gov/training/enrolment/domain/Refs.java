package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.util.List;

/** Small value types kept inside the local copies (stored as JSON). */
public final class Refs {

    private Refs() {
    }

    public record Level(String kind, String level) {
    }

    public record Qualification(String kind, String level, LocalDate awardedOn) {
    }

    public record Rating(int year, String rating) {
    }

    public record PlannedTitle(String titleCode, String orgUnitCode, String termStart, String termEnd,
                               String status) {
    }

    public record TargetGroups(List<String> categories, List<String> rankCodes, List<String> titleCodes,
                               List<String> jobPositionCodes, List<String> managementTiers,
                               List<String> defenceGroups) {
    }

    public record Funding(String source, Integer percent) {
    }

    /** A session as copied from course events; start and end times are absent in copies made before issue 16. */
    public record Session(String sessionId, LocalDate date, java.time.LocalTime startTime, java.time.LocalTime endTime,
                          String topic) {
    }

    /** The programme as of the version a class uses. */
    public record Program(java.util.UUID programId, String code, Integer version, String name, String category,
                          String level, Integer periods, Integer days, String deliveryMode, String credential,
                          Level grantsLevel, Integer yearlyMinimumPeriods, TargetGroups targetGroups,
                          List<Level> prerequisites, List<String> requiredRankCodes, Boolean postgraduate,
                          Boolean overseas, Integer maxExitExamRetakes) {
    }
}
