package vn.gov.training.course.domain;

/** The kind of a training institution. */
public enum InstitutionKind {
    POLITICAL_SCHOOL, ACADEMY, UNIVERSITY, MILITARY, FOREIGN, OTHER
}
