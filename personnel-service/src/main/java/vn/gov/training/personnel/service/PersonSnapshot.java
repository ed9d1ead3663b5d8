package vn.gov.training.personnel.service;

import java.time.LocalDate;

import vn.gov.training.personnel.domain.Person;

/** A staff record as the audit trail keeps it (before/after). The audit table is internal, so it holds the ID. */
public record PersonSnapshot(String nationalId, String fullName, LocalDate dateOfBirth, String gender,
                             String ethnicity, String category, String orgUnitCode, String jobPositionCode,
                             String titleCode, String rankCode, String managementTier, LocalDate startedServiceOn,
                             String email, String phone, String status, LocalDate leftOn, String leftReason) {

    public static PersonSnapshot of(Person p) {
        return new PersonSnapshot(p.nationalId, p.fullName, p.dateOfBirth, p.gender.name(), p.ethnicity,
                p.category.name(), p.orgUnitCode, p.jobPositionCode, p.titleCode, p.rankCode, p.managementTier,
                p.startedServiceOn, p.email, p.phone, p.status.name(), p.leftOn,
                p.leftReason == null ? null : p.leftReason.name());
    }
}
