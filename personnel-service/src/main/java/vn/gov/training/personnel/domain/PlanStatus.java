package vn.gov.training.personnel.domain;

/** State of a succession plan (quy hoạch). */
public enum PlanStatus {
    ACTIVE, REMOVED, APPOINTED
}
