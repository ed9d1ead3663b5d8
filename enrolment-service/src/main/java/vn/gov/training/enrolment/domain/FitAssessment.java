package vn.gov.training.enrolment.domain;

public enum FitAssessment {
    FIT, WARN, MISFIT
}
