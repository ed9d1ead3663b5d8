package vn.gov.training.course.service;

import java.util.List;

import vn.gov.training.course.domain.Credential;
import vn.gov.training.course.domain.DeliveryMode;
import vn.gov.training.course.domain.LevelRef;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.domain.TargetGroups;

/**
 * The content of a programme that a user enters (the code only when creating). The shape of each field is checked
 * where it comes in; the rules that span fields are the service's.
 */
public record ProgramFields(String code, String name, ProgramCategory category, String level, Integer periods,
                            Integer days, DeliveryMode deliveryMode, Credential credential, LevelRef grantsLevel,
                            Integer yearlyMinimumPeriods, TargetGroups targetGroups, List<LevelRef> prerequisites,
                            List<String> requiredRankCodes, Boolean postgraduate, Boolean overseas,
                            Integer maxExitExamRetakes, String description) {
}
