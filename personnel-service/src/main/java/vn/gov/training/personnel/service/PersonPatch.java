package vn.gov.training.personnel.service;

import java.time.LocalDate;

import vn.gov.training.personnel.domain.Gender;
import vn.gov.training.personnel.domain.PersonStatus;
import vn.gov.training.personnel.domain.StaffCategory;

/** A partial change of a staff record: null fields stay as they are. */
public record PersonPatch(String nationalId, String fullName, LocalDate dateOfBirth, Gender gender, String ethnicity,
                          StaffCategory category, String jobPositionCode, String titleCode, String rankCode,
                          String managementTier, LocalDate startedServiceOn, String email, String phone,
                          PersonStatus status) {

    public PersonFields mergeInto(PersonFields f) {
        return new PersonFields(or(nationalId, f.nationalId()), or(fullName, f.fullName()),
                or(dateOfBirth, f.dateOfBirth()), or(gender, f.gender()), or(ethnicity, f.ethnicity()),
                or(category, f.category()), f.orgUnitCode(), or(jobPositionCode, f.jobPositionCode()),
                or(titleCode, f.titleCode()), or(rankCode, f.rankCode()), or(managementTier, f.managementTier()),
                or(startedServiceOn, f.startedServiceOn()), or(email, f.email()), or(phone, f.phone()));
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }
}
