package vn.gov.training.personnel.domain;

/** What kind of body a unit is. DISTRICT covers the former district-level units removed by the 2025 reform. */
public enum OrgUnitKind {
    PROVINCE, DEPARTMENT, DISTRICT, COMMUNE, PARTY_BODY, SCHOOL, OTHER
}
