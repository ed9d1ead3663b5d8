package vn.gov.training.course.domain;

/** One line of an annual plan: how many classes and learners are planned for a category and level. */
public record PlanItem(ProgramCategory category, String level, int plannedClasses, int targetLearners) {
}
