package vn.gov.training.enrolment.domain;

public enum ExamKind {
    ENTRY, EXIT
}
