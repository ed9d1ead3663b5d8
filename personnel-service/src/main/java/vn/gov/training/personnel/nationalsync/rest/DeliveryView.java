package vn.gov.training.personnel.nationalsync.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.nationalsync.domain.NationalDelivery;
import vn.gov.training.personnel.nationalsync.service.NationalFileFormat;

/**
 * A delivery as the province sees it: whose, which section, where it stands, its deadline, the national side's
 * reasons when rejected, and what it waits for. The national ID and other personal data it carries are not shown.
 */
public record DeliveryView(UUID id, UUID personnelId, String fullName, String orgUnitCode, String section,
                           String sectionKey, long sequence, String status, int revision, LocalDate recordedOn,
                           LocalDate deadline, boolean overdue, OffsetDateTime overdueAt, int attempts,
                           OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt, String lastError,
                           List<NationalFileFormat.Reason> reasons, String receipt, OffsetDateTime acceptedAt,
                           UUID waitingFor) {

    static DeliveryView of(NationalDelivery d, Person p, LocalDate today, NationalDelivery waitingFor) {
        boolean overdue = d.overdueAt != null || (!"ACCEPTED".equals(d.status.name()) && d.deadline.isBefore(today));
        return new DeliveryView(d.id, d.personId, p == null ? null : p.fullName, p == null ? null : p.orgUnitCode,
                d.section.name(), d.sectionKey, d.sequence, d.status.name(), d.revision, d.recordedOn, d.deadline,
                overdue, d.overdueAt, d.attempts, d.lastAttemptAt, d.status.name().equals("ACCEPTED") ? null
                : d.nextAttemptAt, d.lastError, NationalFileFormat.reasons(d.rejection), d.receipt, d.acceptedAt,
                waitingFor == null ? null : waitingFor.id);
    }
}
