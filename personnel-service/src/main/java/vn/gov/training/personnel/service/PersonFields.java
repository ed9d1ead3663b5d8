package vn.gov.training.personnel.service;

import java.time.LocalDate;

import vn.gov.training.personnel.domain.Gender;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.StaffCategory;
import vn.gov.training.platform.text.VietnameseText;

/** The fields of a staff record that a user enters, from the API or an imported row; names NFC-normalised. */
public record PersonFields(String nationalId, String fullName, LocalDate dateOfBirth, Gender gender, String ethnicity,
                           StaffCategory category, String orgUnitCode, String jobPositionCode, String titleCode,
                           String rankCode, String managementTier, LocalDate startedServiceOn, String email,
                           String phone) {

    public PersonFields {
        nationalId = blankToNull(nationalId);
        fullName = VietnameseText.normalize(blankToNull(fullName));
        ethnicity = VietnameseText.normalize(blankToNull(ethnicity));
        orgUnitCode = blankToNull(orgUnitCode);
        jobPositionCode = blankToNull(jobPositionCode);
        titleCode = blankToNull(titleCode);
        rankCode = blankToNull(rankCode);
        managementTier = blankToNull(managementTier);
        email = blankToNull(email);
        phone = blankToNull(phone);
    }

    public static PersonFields of(Person p) {
        return new PersonFields(p.nationalId, p.fullName, p.dateOfBirth, p.gender, p.ethnicity, p.category,
                p.orgUnitCode, p.jobPositionCode, p.titleCode, p.rankCode, p.managementTier, p.startedServiceOn,
                p.email, p.phone);
    }

    /** Writes these fields onto {@code p} (the unit included: callers decide whether a unit change is allowed). */
    public void applyTo(Person p) {
        p.nationalId = nationalId;
        p.rename(fullName);
        p.dateOfBirth = dateOfBirth;
        p.gender = gender;
        p.ethnicity = ethnicity;
        p.category = category;
        p.orgUnitCode = orgUnitCode;
        p.jobPositionCode = jobPositionCode;
        p.titleCode = titleCode;
        p.rankCode = rankCode;
        p.managementTier = managementTier;
        p.startedServiceOn = startedServiceOn;
        p.email = email;
        p.phone = phone;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
