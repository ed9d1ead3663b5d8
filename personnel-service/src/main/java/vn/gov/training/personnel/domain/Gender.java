package vn.gov.training.personnel.domain;

/** Gender of a person. */
public enum Gender {
    MALE, FEMALE
}
