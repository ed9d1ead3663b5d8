package vn.gov.training.enrolment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.enrolment.messaging.PersonnelData;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (!"personnel".equals(vn.gov.training.platform.event.EventTypes.aggregate(event.type()))) {
            return;
        }
        PersonnelData data = reader.read(event, PersonnelData.class);
        if (data.personnelId() == null || data.fullName() == null) {
            throw new PoisonEventException("personnel event " + event.id() + " without personnelId or fullName");
        }
        PersonCopy person = PersonCopy.findById(data.personnelId());
        if (person == null) {
            person = new PersonCopy();
            person.personnelId = data.personnelId();
        }
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
