package vn.gov.training.enrolment.domain;

public enum Grade {
    EXCELLENT, GOOD, FAIR, AVERAGE
}
