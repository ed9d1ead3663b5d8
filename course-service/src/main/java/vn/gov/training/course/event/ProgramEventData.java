package vn.gov.training.course.event;

import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.LevelRef;
import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramVersion;
import vn.gov.training.course.domain.TargetGroups;

/** Data of {@code program.*} events, and the programme snapshot inside class events (docs/events.md). */
public record ProgramEventData(UUID programId, String code, int version, String name, String category, String level,
                               Integer periods, Integer days, String deliveryMode, String credential,
                               LevelRef grantsLevel, int yearlyMinimumPeriods, TargetGroups targetGroups,
                               List<LevelRef> prerequisites, List<String> requiredRankCodes, boolean postgraduate,
                               boolean overseas, int maxExitExamRetakes, String status) {

    public static ProgramEventData of(Program program, ProgramVersion v) {
        return new ProgramEventData(program.id, program.code, v.version, v.name, v.category.name(), v.level,
                v.periods, v.days, v.deliveryMode.name(), v.credential.name(), v.grants(), v.yearlyMinimumPeriods,
                v.targetGroups, v.prerequisites, v.requiredRankCodes, v.postgraduate, v.overseas,
                v.maxExitExamRetakes, program.status.name());
    }
}
