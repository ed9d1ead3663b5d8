package vn.gov.training.course.domain;

/** The status of an annual training plan. */
public enum PlanStatus {
    DRAFT, APPROVED
}
