package vn.gov.training.personnel.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.gov.training.personnel.domain.NationalId;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.ScheduledChange;
import vn.gov.training.personnel.service.PersonnelService;

/**
 * A staff record as the API shows it. Unless the caller's role needs them, the national ID is masked
 * ({@code 0010*****789}) and the date of birth reduced to the year ({@code dateOfBirth} null, {@code birthYear} set).
 * {@code pendingChanges}: transfers and departures effective after today, applied on their date.
 */
public record PersonView(UUID id, String nationalId, String fullName, LocalDate dateOfBirth, int birthYear,
                         String gender, String ethnicity, String category, String orgUnitCode, String jobPositionCode,
                         String titleCode, String rankCode, String managementTier, LocalDate startedServiceOn,
                         String email, String phone, String status, LocalDate leftOn, String leftReason,
                         String accountUsername, boolean masked, long version,
                         List<PersonnelService.Pending> pendingChanges) {

    public static PersonView of(Person p, boolean full) {
        return new PersonView(p.id, full ? p.nationalId : NationalId.mask(p.nationalId), p.fullName,
                full ? p.dateOfBirth : null, p.dateOfBirth.getYear(), p.gender.name(), p.ethnicity, p.category.name(),
                p.orgUnitCode, p.jobPositionCode, p.titleCode, p.rankCode, p.managementTier, p.startedServiceOn,
                p.email, p.phone, p.status.name(), p.leftOn, p.leftReason == null ? null : p.leftReason.name(),
                p.accountUsername, !full, p.version,
                ScheduledChange.pendingOf(p.id).stream().map(PersonnelService.Pending::of).toList());
    }
}
