package vn.gov.training.course.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.Credential;
import vn.gov.training.course.domain.DeliveryMode;
import vn.gov.training.course.domain.LevelRef;
import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.domain.ProgramStatus;
import vn.gov.training.course.domain.ProgramVersion;
import vn.gov.training.course.domain.TargetGroups;

/** A programme with the content of one version (the current one unless a version was asked for). */
public record ProgramView(UUID id, String code, int version, int currentVersion, ProgramStatus status, String name,
                          ProgramCategory category, String level, Integer periods, Integer days,
                          DeliveryMode deliveryMode, Credential credential, LevelRef grantsLevel,
                          int yearlyMinimumPeriods, TargetGroups targetGroups, List<LevelRef> prerequisites,
                          List<String> requiredRankCodes, boolean postgraduate, boolean overseas,
                          int maxExitExamRetakes, String description, OffsetDateTime publishedAt,
                          OffsetDateTime retiredAt, OffsetDateTime updatedAt) {

    static ProgramView of(Program p, ProgramVersion v) {
        return new ProgramView(p.id, p.code, v.version, p.currentVersion, p.status, v.name, v.category, v.level,
                v.periods, v.days, v.deliveryMode, v.credential, v.grants(), v.yearlyMinimumPeriods, v.targetGroups,
                v.prerequisites, v.requiredRankCodes, v.postgraduate, v.overseas, v.maxExitExamRetakes,
                v.description, p.publishedAt, p.retiredAt, p.updatedAt);
    }

    static ProgramView of(Program p) {
        return of(p, p.current());
    }
}
