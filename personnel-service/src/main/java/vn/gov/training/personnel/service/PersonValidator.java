package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.personnel.domain.ManagementTier;
import vn.gov.training.personnel.domain.NationalId;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.time.ProvinceTime;

/** The rules of a staff record, as field errors in the caller's language (the API and the import share them). */
@ApplicationScoped
public class PersonValidator {

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1930, 1, 1);
    static final int MIN_WORKING_AGE = 15;
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} .'-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,20}");

    private final Messages messages;

    PersonValidator(Messages messages) {
        this.messages = messages;
    }

    public List<FieldError> validate(PersonFields f, ReferenceCodes codes) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = ProvinceTime.today();
        if (f.nationalId() == null) {
            errors.add(error("nationalId", "required"));
        } else {
            NationalId.check(f.nationalId(), f.gender(), f.dateOfBirth()).ifPresent(problem -> errors.add(
                    switch (problem) {
                        case FORMAT -> error("nationalId", "national-id-format");
                        case PROVINCE -> error("nationalId", "national-id-province", f.nationalId().substring(0, 3));
                        case GENDER_CENTURY -> error("nationalId", "national-id-gender-century");
                        case BIRTH_YEAR -> error("nationalId", "national-id-birth-year");
                    }));
        }
        if (f.fullName() == null) {
            errors.add(error("fullName", "required"));
        } else if (f.fullName().length() > 200) {
            errors.add(error("fullName", "name-too-long", 200));
        } else if (!NAME.matcher(f.fullName()).matches()) {
            errors.add(error("fullName", "name-letters"));
        }
        if (f.dateOfBirth() == null) {
            errors.add(error("dateOfBirth", "required"));
        } else if (f.dateOfBirth().isBefore(EARLIEST_BIRTH) || f.dateOfBirth().isAfter(today.minusYears(MIN_WORKING_AGE))) {
            errors.add(error("dateOfBirth", "birth-date-implausible", EARLIEST_BIRTH.getYear(), MIN_WORKING_AGE));
        }
        if (f.gender() == null) {
            errors.add(error("gender", "required"));
        }
        if (f.category() == null) {
            errors.add(error("category", "required"));
        }
        if (f.orgUnitCode() == null) {
            errors.add(error("orgUnitCode", "required"));
        } else if (!codes.isUnit(f.orgUnitCode())) {
            errors.add(error("orgUnitCode", "unknown-unit", f.orgUnitCode()));
        }
        if (f.rankCode() != null && !codes.ranks().contains(f.rankCode())) {
            errors.add(error("rankCode", "unknown-rank", f.rankCode()));
        }
        if (f.managementTier() != null && !ManagementTier.isTier(f.managementTier())) {
            errors.add(error("managementTier", "unknown-management-tier", f.managementTier()));
        }
        if (f.titleCode() != null && !codes.titles().contains(f.titleCode())) {
            errors.add(error("titleCode", "unknown-title", f.titleCode()));
        }
        if (f.jobPositionCode() != null && !codes.isJobPosition(f.jobPositionCode())) {
            errors.add(error("jobPositionCode", "unknown-job-position", f.jobPositionCode()));
        } else if (f.jobPositionCode() != null && codes.isUnit(f.orgUnitCode())
                && !codes.jobPositionServes(f.jobPositionCode(), f.orgUnitCode())) {
            errors.add(error("jobPositionCode", "job-position-of-another-unit", f.jobPositionCode(),
                    codes.jobPositionUnits().get(f.jobPositionCode())));
        }
        if (f.startedServiceOn() != null) {
            boolean tooEarly = f.dateOfBirth() != null
                    && f.startedServiceOn().isBefore(f.dateOfBirth().plusYears(MIN_WORKING_AGE));
            if (tooEarly || f.startedServiceOn().isAfter(today.plusYears(1))) {
                errors.add(error("startedServiceOn", "service-date-implausible", MIN_WORKING_AGE));
            }
        }
        if (f.email() != null && (f.email().length() > 200 || !EMAIL.matcher(f.email()).matches())) {
            errors.add(error("email", "email-format"));
        }
        if (f.phone() != null && !PHONE.matcher(f.phone()).matches()) {
            errors.add(error("phone", "phone-format"));
        }
        if (f.ethnicity() != null && f.ethnicity().length() > 50) {
            errors.add(error("ethnicity", "name-too-long", 50));
        }
        return errors;
    }

    public FieldError error(String field, String code, Object... args) {
        return messages.fieldError(field, code, args);
    }
}
