package vn.gov.training.personnel.nationalsync.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.nationalsync.domain.FileSection;
import vn.gov.training.platform.persistence.BeforeCommit;
import vn.gov.training.platform.persistence.TimeOrderedIds;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Turns changes of our records into deliveries, in the transaction of the change: after every change of a person
 * (the personnel events), each section of the person's national file (PERSON, each LEVEL) whose content differs from
 * the last one recorded becomes a delivery; each completed training turn (enrolment events) becomes one too, and so
 * does the level it grants. The deadline is {@code training.national-sync.deadline-working-days} (3) working days
 * after the day it is recorded. A transaction's deliveries are written with one JDBC batch when it commits
 * ({@link BeforeCommit}), in the order recorded; what it recorded counts as last recorded for the rest of it.
 */
@ApplicationScoped
public class NationalChanges {

    private final EntityManager entityManager;
    private final WorkingCalendar calendar;
    private final SyncClock clock;
    private final int deadlineWorkingDays;
    private final DeadlineOfTheDay deadlineOfTheDay;
    private final BeforeCommit beforeCommit;
    /** Writes a transaction's new deliveries when it commits; also the key of its pending ones. */
    private final BeforeCommit.Writer<Section> deliveries = this::insert;

    NationalChanges(EntityManager entityManager, WorkingCalendar calendar, SyncClock clock,
                    @ConfigProperty(name = "training.national-sync.deadline-working-days", defaultValue = "3")
                    int deadlineWorkingDays, DeadlineOfTheDay deadlineOfTheDay, BeforeCommit beforeCommit) {
        this.beforeCommit = beforeCommit;
        this.entityManager = entityManager;
        this.calendar = calendar;
        this.clock = clock;
        this.deadlineWorkingDays = deadlineWorkingDays;
        this.deadlineOfTheDay = deadlineOfTheDay;
    }

    /**
     * The person's PERSON and LEVEL sections that changed since they were last recorded; returns how many deliveries
     * were recorded (0 when the national file already has every section as it is now).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int personChanged(Person person) {
        return personChanged(person, Qualification.of(person.id));
    }

    /** As {@link #personChanged(Person)}, with the person's qualifications as the caller has just read them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int personChanged(Person person, List<Qualification> qualifications) {
        Map<String, String> last = lastContents(List.of(person.id)).getOrDefault(person.id, new HashMap<>());
        return personChanged(person, qualifications, last);
    }

    private int personChanged(Person person, List<Qualification> qualifications, Map<String, String> last) {
        int recorded = recordIfChanged(person, FileSection.PERSON, NationalFileFormat.PERSON_KEY,
                NationalFileFormat.person(person), last);
        for (Qualification q : qualifications) {
            recorded += recordIfChanged(person, FileSection.LEVEL, q.id.toString(), NationalFileFormat.level(person, q),
                    last);
        }
        return recorded;
    }

    /**
     * As {@link #personChanged(Person, List)} for many people (an import's chunk), with the qualifications each holds:
     * what was last recorded read with one query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void peopleChanged(List<Person> people, Map<UUID, List<Qualification>> qualifications) {
        if (people.isEmpty()) {
            return;
        }
        Map<UUID, Map<String, String>> last = lastContents(people.stream().map(p -> p.id).toList());
        List<Section> changed = new ArrayList<>();
        for (Person p : people) {
            List<Section> sections = new ArrayList<>();
            sections.add(new Section(p.id, FileSection.PERSON, NationalFileFormat.PERSON_KEY,
                    NationalFileFormat.person(p)));
            for (Qualification q : qualifications.getOrDefault(p.id, List.of())) {
                sections.add(new Section(p.id, FileSection.LEVEL, q.id.toString(), NationalFileFormat.level(p, q)));
            }
            Map<String, String> recorded = last.getOrDefault(p.id, Map.of());
            sections.stream().filter(section -> !section.content().equals(recorded.get(section.section() + "/"
                    + section.key()))).forEach(changed::add);
        }
        beforeCommit.rows(deliveries).addAll(changed);
    }

    /**
     * A completed training turn (once per enrolment: a redelivered event changes nothing), for a person of a batch
     * whose turns the caller read at once ({@link #lastRecorded}, with this turn among the batch's).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void trainingCompleted(Person person, NationalFileFormat.CompletedTraining training, Recorded recorded) {
        recordIfChanged(person, FileSection.TRAINING, training.enrolmentId(),
                NationalFileFormat.training(person, training), recorded.of(person.id));
    }

    /**
     * The LEVEL section of a qualification just recorded from a completed turn. Nothing else of the person's file
     * changes with it (the PERSON section and the other levels hold nothing a new level changes), and a new
     * qualification's section (its key, the qualification's id) has never been recorded: no comparison to make.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void levelRecorded(Person person, Qualification qualification) {
        record(person, FileSection.LEVEL, qualification.id.toString(), NationalFileFormat.level(person, qualification));
    }

    /**
     * What a batch of enrolment events can compare with, with one query: the content last recorded for the TRAINING
     * sections of the batch's own turns, looked up as (person, key) pairs. The batch changes no other section of a
     * file but the new levels ({@link #levelRecorded}): a person's other turns, levels and PERSON section are not
     * read (a person with twenty years of training has dozens of them).
     */
    public Recorded lastRecorded(Collection<Turn> turns) {
        Recorded recorded = new Recorded();
        if (turns.isEmpty()) {
            return recorded;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select distinct on (d.person_id, d.section_key) d.person_id, d.section, d.section_key, d.content
                    from unnest(?::uuid[], ?::varchar[]) as turn(person_id, section_key)
                    join national_delivery d on d.person_id = turn.person_id and d.section = 'TRAINING'
                                                and d.section_key = turn.section_key
                    order by d.person_id, d.section_key, d.sequence desc""")) {
                query.setArray(1, connection.createArrayOf("uuid", turns.stream().map(Turn::personId).toArray()));
                query.setArray(2, connection.createArrayOf("varchar", turns.stream().map(Turn::key).toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        recorded.of(rows.getObject(1, UUID.class)).put(rows.getString(2) + "/" + rows.getString(3),
                                rows.getString(4));
                    }
                }
            }
        });
        Map<UUID, Set<String>> keys = new HashMap<>();
        turns.forEach(turn -> keys.computeIfAbsent(turn.personId(), id -> new HashSet<>()).add(turn.key()));
        for (Section s : beforeCommit.pending(deliveries)) {
            if (s.section() == FileSection.TRAINING
                    && keys.getOrDefault(s.personId(), Set.of()).contains(s.key())) {
                recorded.of(s.personId()).put(s.section() + "/" + s.key(), s.content());
            }
        }
        return recorded;
    }

    /** A training turn of a batch: the person and the turn's key in their national file (its enrolment id). */
    public record Turn(UUID personId, String key) {
    }

    /**
     * The content last recorded for sections of a batch's people's national files ("SECTION/key"), by person: those
     * {@link #lastRecorded} read, and those recorded since.
     */
    public static final class Recorded {

        private final Map<UUID, Map<String, String>> byPerson = new HashMap<>();

        private Map<String, String> of(UUID personId) {
            return byPerson.computeIfAbsent(personId, id -> new HashMap<>());
        }
    }

    /**
     * The PERSON sections of people an import inserts in JDBC batches, on the import's connection and in its
     * transaction (the people have no levels yet).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imported(Connection connection, List<Person> people) throws SQLException {
        if (people.isEmpty()) {
            return;
        }
        insert(connection, people.stream().map(p -> new Section(p.id, FileSection.PERSON,
                NationalFileFormat.PERSON_KEY, NationalFileFormat.person(p))).toList());
    }

    /** One section of a person's national file as it is now. */
    private record Section(UUID personId, FileSection section, String key, String content) {
    }

    /** New PENDING deliveries of these sections, recorded today, with one JDBC batch. */
    private void insert(Connection connection, List<Section> sections) throws SQLException {
        LocalDate today = clock.today();
        LocalDate deadline = deadline(today);
        Timestamp now = Timestamp.from(ProvinceTime.now().toInstant());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into national_delivery (id, person_id, section, section_key, content, status, revision,
                    recorded_on, deadline, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', 1, ?, ?, 0, ?, ?)""")) {
            for (Section s : sections) {
                insert.setObject(1, TimeOrderedIds.next());
                insert.setObject(2, s.personId());
                insert.setString(3, s.section().name());
                insert.setString(4, s.key());
                insert.setString(5, s.content());
                insert.setObject(6, today);
                insert.setObject(7, deadline);
                insert.setTimestamp(8, now);
                insert.setTimestamp(9, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private int recordIfChanged(Person person, FileSection section, String key, String content,
                                Map<String, String> last) {
        if (content.equals(last.get(section + "/" + key))) {
            return 0;
        }
        record(person, section, key, content);
        last.put(section + "/" + key, content);
        return 1;
    }

    /** A new PENDING delivery of the section, recorded today (written when the transaction commits). */
    private void record(Person person, FileSection section, String key, String content) {
        beforeCommit.rows(deliveries).add(new Section(person.id, section, key, content));
    }

    private LocalDate deadline(LocalDate recordedOn) {
        return deadlineOfTheDay.of(recordedOn, day -> calendar.addWorkingDays(day, deadlineWorkingDays));
    }

    /**
     * The content last recorded for the PERSON and LEVEL sections of these people's files ("SECTION/key"), by person,
     * with one query: what a change of a person can change.
     */
    private Map<UUID, Map<String, String>> lastContents(Collection<UUID> people) {
        Map<UUID, Map<String, String>> last = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select distinct on (person_id, section, section_key) person_id, section, section_key, content
                    from national_delivery where person_id = any(?) and section in ('PERSON', 'LEVEL')
                    order by person_id, section, section_key, sequence desc""")) {
                query.setArray(1, connection.createArrayOf("uuid", people.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        last.computeIfAbsent(rows.getObject(1, UUID.class), id -> new HashMap<>())
                                .put(rows.getString(2) + "/" + rows.getString(3), rows.getString(4));
                    }
                }
            }
        });
        // recorded earlier in this transaction, not yet written: later than anything in the table
        List<Section> pending = beforeCommit.pending(deliveries);
        Set<UUID> asked = pending.isEmpty() ? Set.of() : new HashSet<>(people);
        for (Section s : pending) {
            if (s.section() != FileSection.TRAINING && asked.contains(s.personId())) {
                last.computeIfAbsent(s.personId(), id -> new HashMap<>()).put(s.section() + "/" + s.key(), s.content());
            }
        }
        return last;
    }
}
