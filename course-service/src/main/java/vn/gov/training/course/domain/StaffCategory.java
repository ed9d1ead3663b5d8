package vn.gov.training.course.domain;

/** Staff categories a programme may target (cán bộ, công chức, viên chức). */
public enum StaffCategory {
    CADRE, CIVIL_SERVANT, PUBLIC_EMPLOYEE
}
