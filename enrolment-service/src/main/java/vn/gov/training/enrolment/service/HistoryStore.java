package vn.gov.training.enrolment.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.resilience.TransientFailure;
import vn.gov.training.platform.resilience.TransientFailureException;

/**
 * The history import's set-based reads and JDBC-batched writes, in the caller's transaction: people by national-ID
 * digest, turns already recorded, credential numbers in use; and, per chunk, the historical classes, the enrolments,
 * their {@code enrolment.*} events in the outbox and their audit records (through {@link EnrolmentEvents#importedAll}:
 * the platform's bulk outbox and audit writes). Hibernate cannot batch these inserts (identity keys), and a
 * 100,000-row file must load in well under a minute.
 */
@ApplicationScoped
public class HistoryStore {

    /**
     * Keys looked up per query. With 5,000 credential numbers PostgreSQL read the whole enrolment table for each query
     * (a parallel sequential scan, 2.6 s with 500,000 turns, and longer as the history grows) instead of 5,000 probes
     * of the index; with 500 it probes the index.
     */
    private static final int LOOKUP = 500;

    /** A person of the copy, as the import needs them. */
    public record PersonRef(UUID personnelId, String orgUnitCode, String category) {
    }

    /** A turn already recorded for a person in a class. */
    public record Recorded(UUID enrolmentId, String status, String grade, LocalDate completedOn, LocalDate withdrawnOn,
                           String credentialNumber) {
    }

    /** What writing a chunk did. */
    public record Written(int created, int unchanged) {
    }

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final EnrolmentEvents events;

    HistoryStore(DataSource dataSource, ObjectMapper json, EnrolmentEvents events) {
        this.dataSource = dataSource;
        this.json = json;
        this.events = events;
    }

    /** The people whose national-ID digest is among {@code digests}, by digest. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, PersonRef> persons(Collection<String> digests) {
        Map<String, PersonRef> found = new HashMap<>();
        List<String> all = List.copyOf(digests);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select national_id_digest, personnel_id, org_unit_code, category from person_copy"
                        + " where national_id_digest = any(?)")) {
            for (int from = 0; from < all.size(); from += LOOKUP) {
                s.setArray(1, c.createArrayOf("varchar", all.subList(from, Math.min(all.size(), from + LOOKUP))
                        .toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getString(1), new PersonRef(r.getObject(2, UUID.class), r.getString(3),
                                r.getString(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return found;
    }

    /** Turns already recorded (any status but REJECTED) for the given person-class pairs, by {@link #key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Recorded> recorded(Collection<UUID[]> pairs) {
        Map<String, Recorded> found = new HashMap<>();
        List<UUID[]> all = List.copyOf(pairs);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select e.personnel_id, e.class_id, e.id, e.status, e.grade, e.completed_on, e.withdrawn_on,
                       e.credential_number
                from enrolment e join unnest(?::uuid[], ?::uuid[]) as p(personnel_id, class_id)
                  on e.personnel_id = p.personnel_id and e.class_id = p.class_id
                where e.status <> 'REJECTED'
                order by e.created_at""")) {
            for (int from = 0; from < all.size(); from += LOOKUP) {
                List<UUID[]> part = all.subList(from, Math.min(all.size(), from + LOOKUP));
                s.setArray(1, c.createArrayOf("uuid", part.stream().map(p -> p[0]).toArray()));
                s.setArray(2, c.createArrayOf("uuid", part.stream().map(p -> p[1]).toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(key(r.getObject(1, UUID.class), r.getObject(2, UUID.class)),
                                new Recorded(r.getObject(3, UUID.class), r.getString(4), r.getString(5),
                                        r.getObject(6, LocalDate.class), r.getObject(7, LocalDate.class),
                                        r.getString(8)));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return found;
    }

    /** Who holds each of the credential numbers already: number → {@link #key} of the turn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> credentialHolders(Collection<String> numbers) {
        Map<String, String> found = new HashMap<>();
        List<String> all = List.copyOf(numbers);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select credential_number, personnel_id, class_id from enrolment where credential_number = any(?)")) {
            for (int from = 0; from < all.size(); from += LOOKUP) {
                s.setArray(1, c.createArrayOf("varchar", all.subList(from, Math.min(all.size(), from + LOOKUP))
                        .toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getString(1), key(r.getObject(2, UUID.class), r.getObject(3, UUID.class)));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return found;
    }

    public static String key(UUID personnelId, UUID classId) {
        return personnelId + ":" + classId;
    }

    /**
     * Writes one chunk of valid turns: the historical classes they need (created once), then each turn not yet
     * recorded (a turn recorded meanwhile, or by an earlier run of the same file, is unchanged) with its event and
     * audit record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written write(List<HistoryImport.Turn> turns, String actor) {
        Map<String, Recorded> already = recorded(turns.stream()
                .map(t -> new UUID[] {t.person().personnelId(), t.cls().classId}).toList());
        List<HistoryImport.Turn> fresh = turns.stream()
                .filter(t -> !already.containsKey(key(t.person().personnelId(), t.cls().classId))).toList();
        Map<UUID, ClassCopy> newClasses = new LinkedHashMap<>();
        fresh.stream().filter(t -> t.cls().historical).forEach(t -> newClasses.putIfAbsent(t.cls().classId, t.cls()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Timestamp at = Timestamp.from(now.toInstant());
        List<EnrolmentEvents.Imported> imported;
        try (Connection c = dataSource.getConnection()) {
            insertClasses(c, newClasses.values(), at);
            imported = insertTurns(c, fresh, now, at);
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            events.importedAll(actor, imported);
        } catch (RuntimeException e) {
            throw failure(e);
        }
        return new Written(fresh.size(), turns.size() - fresh.size());
    }

    private void insertClasses(Connection c, Collection<ClassCopy> classes, Timestamp at) throws SQLException {
        if (classes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into class_copy (class_id, code, program_id, program, institution_code, institution_name,
                    location, start_date, end_date, capacity, funding, status, sessions, historical, updated_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, 0, '[]', ?, '[]', true, ?)
                on conflict (class_id) do nothing""")) {
            for (ClassCopy cls : classes) {
                s.setObject(1, cls.classId);
                s.setString(2, cls.code);
                s.setObject(3, cls.programId);
                s.setString(4, toJson(cls.program));
                s.setString(5, cls.institutionCode);
                s.setString(6, cls.institutionName);
                s.setString(7, cls.location);
                s.setObject(8, cls.startDate);
                s.setObject(9, cls.endDate);
                s.setString(10, cls.status);
                s.setTimestamp(11, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Inserts the turns' enrolments; returns their events, in the same order. */
    private List<EnrolmentEvents.Imported> insertTurns(Connection c, List<HistoryImport.Turn> turns,
                                                       OffsetDateTime now, Timestamp at) throws SQLException {
        List<EnrolmentEvents.Imported> imported = new ArrayList<>(turns.size());
        if (turns.isEmpty()) {
            return imported;
        }
        try (PreparedStatement enrolment = c.prepareStatement("""
                insert into enrolment (id, personnel_id, class_id, program_id, category, level, delivery_mode, location,
                    start_date, end_date, nominating_unit_code, person_org_unit_code, person_category, status,
                    fit_assessment, fit_reasons, funding_source, funding_amount_vnd, cost_vnd, grade, credential_number,
                    periods_attended, grants_kind, grants_level, completed_on, withdrawn_on, reason, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?)""")) {
            for (HistoryImport.Turn t : turns) {
                Enrolment e = t.toEnrolment(now);
                int i = 1;
                enrolment.setObject(i++, e.id);
                enrolment.setObject(i++, e.personnelId);
                enrolment.setObject(i++, e.classId);
                enrolment.setObject(i++, e.programId);
                text(enrolment, i++, e.category);
                text(enrolment, i++, e.level);
                text(enrolment, i++, e.deliveryMode);
                text(enrolment, i++, e.location);
                enrolment.setObject(i++, e.startDate);
                enrolment.setObject(i++, e.endDate);
                text(enrolment, i++, e.nominatingUnitCode);
                text(enrolment, i++, e.personOrgUnitCode);
                text(enrolment, i++, e.personCategory);
                enrolment.setString(i++, e.status.name());
                enrolment.setString(i++, e.fitAssessment.name());
                enrolment.setString(i++, toJson(e.fitReasons));
                text(enrolment, i++, e.fundingSource);
                number(enrolment, i++, e.fundingAmountVnd);
                number(enrolment, i++, e.costVnd);
                text(enrolment, i++, e.grade == null ? null : e.grade.name());
                text(enrolment, i++, e.credentialNumber);
                if (e.periodsAttended == null) {
                    enrolment.setNull(i++, Types.INTEGER);
                } else {
                    enrolment.setInt(i++, e.periodsAttended);
                }
                text(enrolment, i++, e.grantsKind);
                text(enrolment, i++, e.grantsLevel);
                enrolment.setObject(i++, e.completedOn);
                enrolment.setObject(i++, e.withdrawnOn);
                text(enrolment, i++, e.reason);
                enrolment.setTimestamp(i++, at);
                enrolment.setTimestamp(i, at);
                enrolment.addBatch();

                LocalDate effectiveOn = e.withdrawnOn != null ? e.withdrawnOn : e.completedOn;
                imported.add(new EnrolmentEvents.Imported(t.event(), EnrolmentEvents.imported(e, t.cls(), effectiveOn)));
            }
            enrolment.executeBatch();
        }
        return imported;
    }

    private static void text(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static void number(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    /** Never the driver's message (it names the rows' values); an outage waits and is retried by the job. */
    private static RuntimeException failure(Exception e) {
        var outage = TransientFailure.of(e);
        if (outage.isPresent()) {
            return new TransientFailureException(outage.get());
        }
        return new HistoryBatchException(Failures.constraintViolation(e).isPresent(), Failures.describe(e));
    }

    /** A statement the database refused; carries the failure's types and SQL states, never its message. */
    public static class HistoryBatchException extends RuntimeException {

        private final boolean constraintViolated;

        HistoryBatchException(boolean constraintViolated, String description) {
            super("history import batch failed: " + description, null, false, false);
            this.constraintViolated = constraintViolated;
        }

        public boolean constraintViolated() {
            return constraintViolated;
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
