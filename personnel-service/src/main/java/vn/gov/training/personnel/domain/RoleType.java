package vn.gov.training.personnel.domain;

/** What a standard is attached to. */
public enum RoleType {
    TITLE, JOB_POSITION
}
