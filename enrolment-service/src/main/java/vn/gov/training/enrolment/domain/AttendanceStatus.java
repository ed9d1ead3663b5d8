package vn.gov.training.enrolment.domain;

public enum AttendanceStatus {
    PRESENT, ABSENT, EXCUSED
}
