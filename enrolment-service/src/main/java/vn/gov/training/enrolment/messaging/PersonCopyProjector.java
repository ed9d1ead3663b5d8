package vn.gov.training.enrolment.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.enrolment.service.PersonDeparture;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.EventTypes;
import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.platform.text.VietnameseText;

/**
 * Upserts the person copy from a personnel event (full state each time). A {@code left} event also breaches the
 * person's running commitments and opens repayment cases.
 * <p>
 * A batch is written without reading the copies: each person's last state in the batch goes out in one JDBC batch of
 * {@code insert ... on conflict do update}. Reading them as entities cost a query, the parsing of three JSON columns
 * and Hibernate's copy and comparison of them per person (a quarter of enrolment-service's CPU while a history import
 * granted levels). The JSON columns are written with Hibernate's own JSON mapping, so they read back as before.
 */
@ApplicationScoped
public class PersonCopyProjector {

    private static final String UPSERT = """
            insert into person_copy (personnel_id, full_name, search_name, date_of_birth, category, org_unit_code,
                job_position_code, title_code, rank_code, management_tier, started_service_on, status, left_on,
                left_reason, qualifications, ratings, planned_titles, national_id_digest, email, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?)
            on conflict (personnel_id) do update set full_name = excluded.full_name,
                search_name = excluded.search_name, date_of_birth = excluded.date_of_birth,
                category = excluded.category, org_unit_code = excluded.org_unit_code,
                job_position_code = excluded.job_position_code, title_code = excluded.title_code,
                rank_code = excluded.rank_code, management_tier = excluded.management_tier,
                started_service_on = excluded.started_service_on, status = excluded.status,
                left_on = excluded.left_on, left_reason = excluded.left_reason,
                qualifications = excluded.qualifications, ratings = excluded.ratings,
                planned_titles = excluded.planned_titles,
                -- events older than the digest carry none: the copy keeps the one it has
                national_id_digest = coalesce(excluded.national_id_digest, person_copy.national_id_digest),
                email = excluded.email, updated_at = excluded.updated_at""";

    private final EventReader reader;
    private final PersonDeparture departure;
    private final EntityManager entityManager;

    PersonCopyProjector(EventReader reader, PersonDeparture departure, EntityManager entityManager) {
        this.reader = reader;
        this.departure = departure;
        this.entityManager = entityManager;
    }

    /**
     * Applies a batch of personnel events in order: each person's copy becomes the state of their last event, the
     * departures follow in the batch's order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<EventEnvelope> events) {
        Map<UUID, PersonCopy> latest = new LinkedHashMap<>();
        List<Map.Entry<PersonCopy, String>> departures = new ArrayList<>(); // with the actor
        for (EventEnvelope event : events) {
            if (!"personnel".equals(EventTypes.aggregate(event.type()))) {
                continue;
            }
            PersonnelData data = reader.read(event, PersonnelData.class);
            if (data.personnelId() == null || data.fullName() == null) {
                throw new PoisonEventException("personnel event " + event.id() + " without personnelId or fullName");
            }
            PersonCopy copy = copyOf(data);
            PersonCopy earlier = latest.remove(copy.personnelId);
            if (copy.nationalIdDigest == null && earlier != null) {
                copy.nationalIdDigest = earlier.nationalIdDigest;
            }
            latest.put(copy.personnelId, copy);
            if ("left".equals(event.eventName())) {
                departures.add(Map.entry(copy, "event:" + event.type()));
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        session.doWork(connection -> upsert(connection, latest.values(), session));
        departures.forEach(left -> departure.left(left.getKey(), left.getValue()));
    }

    /** The copy an event states (not persisted: the upsert writes it). */
    private static PersonCopy copyOf(PersonnelData data) {
        PersonCopy person = new PersonCopy();
        person.personnelId = data.personnelId();
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
        person.nationalIdDigest = data.nationalIdDigest();
        person.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return person;
    }

    private static void upsert(Connection connection, Collection<PersonCopy> copies, SessionImplementor session)
            throws SQLException {
        FormatMapper json = session.getFactory().getSessionFactoryOptions().getJsonFormatMapper();
        JavaType<Object> list = session.getFactory().getTypeConfiguration().getJavaTypeRegistry()
                .getDescriptor(List.class);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (PersonCopy p : copies) {
                int i = 0;
                upsert.setObject(++i, p.personnelId);
                upsert.setString(++i, p.fullName);
                upsert.setString(++i, p.searchName);
                upsert.setObject(++i, p.dateOfBirth);
                upsert.setString(++i, p.category);
                upsert.setString(++i, p.orgUnitCode);
                upsert.setString(++i, p.jobPositionCode);
                upsert.setString(++i, p.titleCode);
                upsert.setString(++i, p.rankCode);
                upsert.setString(++i, p.managementTier);
                upsert.setObject(++i, p.startedServiceOn);
                upsert.setString(++i, p.status);
                upsert.setObject(++i, p.leftOn);
                upsert.setString(++i, p.leftReason);
                upsert.setString(++i, json.toString(p.qualifications, list, session));
                upsert.setString(++i, json.toString(p.ratings, list, session));
                upsert.setString(++i, json.toString(p.plannedTitles, list, session));
                upsert.setString(++i, p.nationalIdDigest);
                upsert.setString(++i, p.email);
                upsert.setObject(++i, p.updatedAt);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
