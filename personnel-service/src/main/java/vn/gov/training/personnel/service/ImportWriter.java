package vn.gov.training.personnel.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PersonStatus;
import vn.gov.training.personnel.nationalsync.service.NationalChanges;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.TimeOrderedIds;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.resilience.TransientFailure;
import vn.gov.training.platform.resilience.TransientFailureException;

/**
 * Inserts newly imported people in JDBC batches: the person, their first assignment, the {@code registered} event
 * in the outbox ({@link PersonnelEvents#registeredAll}), the audit record (the platform's bulk
 * {@link AuditTrail#recordAllAs}) and the PERSON delivery of the national sync, all in the caller's transaction. A
 * 50,000-row file must load in well under a minute.
 */
@ApplicationScoped
public class ImportWriter {

    private final DataSource dataSource;
    private final PersonnelEvents events;
    private final AuditTrail audit;
    private final NationalChanges nationalChanges;

    ImportWriter(DataSource dataSource, PersonnelEvents events, AuditTrail audit, NationalChanges nationalChanges) {
        this.dataSource = dataSource;
        this.events = events;
        this.audit = audit;
        this.nationalChanges = nationalChanges;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<PersonFields> people, String actor) {
        if (people.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Timestamp at = Timestamp.from(now.toInstant());
        List<PersonnelEvents.Dated> registered = new ArrayList<>(people.size());
        List<AuditTrail.Change> changes = new ArrayList<>(people.size());
        List<Person> created = new ArrayList<>(people.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement person = connection.prepareStatement("""
                     insert into person (id, national_id, full_name, search_name, sort_key, date_of_birth, gender,
                         ethnicity, category, org_unit_code, job_position_code, title_code, rank_code, management_tier,
                         started_service_on, email, phone, status, created_at, updated_at, version)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
             PreparedStatement assignment = connection.prepareStatement("""
                     insert into person_assignment (person_id, org_unit_code, valid_from, reason)
                     values (?, ?, ?, 'HIRED')""")) {
            for (PersonFields f : people) {
                Person p = new Person();
                p.id = TimeOrderedIds.next();
                f.applyTo(p);
                p.status = PersonStatus.ACTIVE;
                created.add(p);
                LocalDate from = p.startedServiceOn != null ? p.startedServiceOn : now.toLocalDate();

                person.setObject(1, p.id);
                person.setString(2, p.nationalId);
                person.setString(3, p.fullName);
                person.setString(4, p.searchName);
                person.setBytes(5, p.sortKey);
                person.setObject(6, p.dateOfBirth);
                person.setString(7, p.gender.name());
                setNullable(person, 8, p.ethnicity);
                person.setString(9, p.category.name());
                person.setString(10, p.orgUnitCode);
                setNullable(person, 11, p.jobPositionCode);
                setNullable(person, 12, p.titleCode);
                setNullable(person, 13, p.rankCode);
                setNullable(person, 14, p.managementTier);
                person.setObject(15, p.startedServiceOn);
                setNullable(person, 16, p.email);
                setNullable(person, 17, p.phone);
                person.setString(18, p.status.name());
                person.setTimestamp(19, at);
                person.setTimestamp(20, at);
                person.addBatch();

                assignment.setObject(1, p.id);
                assignment.setString(2, p.orgUnitCode);
                assignment.setObject(3, from);
                assignment.addBatch();

                registered.add(new PersonnelEvents.Dated(p, from));
                changes.add(new AuditTrail.Change("person", p.id, "imported", null, PersonSnapshot.of(p)));
            }
            person.executeBatch();
            assignment.executeBatch();
            nationalChanges.imported(connection, created);
        } catch (SQLException e) {
            // not the driver's message nor the exception as cause: both name the offending values (national IDs)
            // an outage is not the rows' fault: the import waits for the database and writes the chunk again
            TransientFailure.of(e).ifPresent(outage -> {
                throw new TransientFailureException(outage);
            });
            throw new ImportBatchException(Failures.constraintViolation(e).isPresent(), Failures.describe(e));
        }
        try {
            events.registeredAll(registered);
            audit.recordAllAs(actor, changes);
        } catch (RuntimeException e) {
            TransientFailure.of(e).ifPresent(outage -> {
                throw new TransientFailureException(outage);
            });
            throw new ImportBatchException(Failures.constraintViolation(e).isPresent(), Failures.describe(e));
        }
    }

    /** A batch the database refused; carries the failure's types and SQL states, never the database's message. */
    public static class ImportBatchException extends RuntimeException {

        private final boolean constraintViolated;

        ImportBatchException(boolean constraintViolated, String description) {
            super("import batch failed: " + description, null, false, false);
            this.constraintViolated = constraintViolated;
        }

        /** True when a unique key (e.g. a national ID registered meanwhile) or another constraint refused it. */
        public boolean constraintViolated() {
            return constraintViolated;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
