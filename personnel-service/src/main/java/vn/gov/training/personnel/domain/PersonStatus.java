package vn.gov.training.personnel.domain;

/** Whether a person is in service. */
public enum PersonStatus {
    ACTIVE, ON_LEAVE, LEFT
}
