package vn.gov.training.personnel.domain;

/** Where a qualification record came from. */
public enum QualificationSource {
    MANUAL, IMPORT, ENROLMENT
}
