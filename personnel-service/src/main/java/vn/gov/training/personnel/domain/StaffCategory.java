package vn.gov.training.personnel.domain;

/** The three staff categories (cán bộ, công chức, viên chức), with different training rules. */
public enum StaffCategory {
    CADRE, CIVIL_SERVANT, PUBLIC_EMPLOYEE
}
