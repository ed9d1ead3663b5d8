package vn.gov.training.enrolment.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.enrolment.service.PersonDeparture;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.platform.text.VietnameseText;

/**
 * Upserts the person copy from a personnel event (full state each time). A {@code left} event also breaches the
 * person's running commitments and opens repayment cases.
 */
@ApplicationScoped
public class PersonCopyProjector {

    private final EventReader reader;
    private final PersonDeparture departure;

    PersonCopyProjector(EventReader reader, PersonDeparture departure) {
        this.reader = reader;
        this.departure = departure;
    }

    /**
     * Applies a batch of personnel events in order: the copies of the batch's people are read with one query, and
     * their inserts and updates go out in JDBC batches when the transaction flushes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<EventEnvelope> events) {
        List<EventEnvelope> personnel = events.stream()
                .filter(e -> "personnel".equals(vn.gov.training.platform.event.EventTypes.aggregate(e.type())))
                .toList();
        List<PersonnelData> read = new java.util.ArrayList<>(personnel.size());
        for (EventEnvelope event : personnel) {
            PersonnelData data = reader.read(event, PersonnelData.class);
            if (data.personnelId() == null || data.fullName() == null) {
                throw new PoisonEventException("personnel event " + event.id() + " without personnelId or fullName");
            }
            read.add(data);
        }
        if (read.isEmpty()) {
            return;
        }
        Map<UUID, PersonCopy> copies = new HashMap<>();
        PersonCopy.<PersonCopy>list("personnelId in ?1", read.stream().map(PersonnelData::personnelId).distinct()
                .toList()).forEach(p -> copies.put(p.personnelId, p));
        for (int i = 0; i < personnel.size(); i++) {
            EventEnvelope event = personnel.get(i);
            PersonnelData data = read.get(i);
            apply(event, data, copies.computeIfAbsent(data.personnelId(), id -> {
                PersonCopy fresh = new PersonCopy();
                fresh.personnelId = id;
                return fresh;
            }));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }

    private void apply(EventEnvelope event, PersonnelData data, PersonCopy person) {
        person.fullName = VietnameseText.normalize(data.fullName());
        person.searchName = VietnameseText.fold(data.fullName());
        person.dateOfBirth = data.dateOfBirth();
        person.category = data.category();
        person.orgUnitCode = data.orgUnitCode();
        person.jobPositionCode = data.jobPositionCode();
        person.titleCode = data.titleCode();
        person.rankCode = data.rankCode();
        person.managementTier = data.managementTier();
        person.startedServiceOn = data.startedServiceOn();
        person.status = data.status() == null ? "ACTIVE" : data.status();
        person.leftOn = data.leftOn();
        person.leftReason = data.leftReason();
        person.qualifications = nullSafe(data.qualifications()).stream()
                .map(q -> new Refs.Qualification(q.kind(), q.level(), q.awardedOn())).toList();
        person.ratings = nullSafe(data.ratings()).stream().filter(r -> r.year() != null)
                .map(r -> new Refs.Rating(r.year(), r.rating())).toList();
        person.plannedTitles = nullSafe(data.plannedTitles()).stream()
                .map(p -> new Refs.PlannedTitle(p.titleCode(), p.orgUnitCode(), text(p.termStart()),
                        text(p.termEnd()), p.status()))
                .toList();
        person.email = data.email() == null || data.email().isBlank() ? null : data.email().strip();
        if (data.nationalIdDigest() != null) {
            person.nationalIdDigest = data.nationalIdDigest();
        }
        person.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        person.persist();
        if ("left".equals(event.eventName())) {
            departure.left(person, "event:" + event.type());
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
