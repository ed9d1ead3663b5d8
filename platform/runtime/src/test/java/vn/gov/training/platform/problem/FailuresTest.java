package vn.gov.training.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Constraint violations are found wherever they hide, and described without the database's message. */
class FailuresTest {

    private static final String PG_MESSAGE =
            "ERROR: duplicate key value violates unique constraint \"person_national_id_key\"\n"
                    + "  Detail: Key (national_id)=(093185012345) already exists.";

    @Test
    void aUniqueViolationSuppressedByTheTransactionManagerIsFoundAndNotRepeated() {
        SQLException unique = new SQLException(PG_MESSAGE, "23505");
        RuntimeException hibernate = new org.hibernate.exception.ConstraintViolationException(
                "could not execute statement [" + PG_MESSAGE + "]", unique, "person_national_id_key");
        RuntimeException commit = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(hibernate);
        RuntimeException thrown = new RuntimeException(commit);

        var violation = Failures.constraintViolation(thrown).orElseThrow();
        assertTrue(violation.isDuplicate());
        assertEquals("23505", violation.sqlState());
        assertEquals("person_national_id_key", violation.constraint());
        String described = Failures.describe(thrown);
        assertFalse(described.contains("093185012345"), described);
        assertTrue(described.contains("SQLState 23505"), described);
    }

    @Test
    void aBatchFailureIsReadThroughItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into person ... was aborted",
                "23505", new int[0]);
        batch.setNextException(new SQLException(PG_MESSAGE, "23505"));
        assertTrue(Failures.constraintViolation(batch).isPresent());
        assertFalse(Failures.describe(batch).contains("national_id)=("));
    }

    @Test
    void otherFailuresAreNoConstraintViolation() {
        assertTrue(Failures.constraintViolation(new SQLException("connection refused", "08001")).isEmpty());
        assertTrue(Failures.constraintViolation(new IllegalStateException("x")).isEmpty());
        var notNull = Failures.constraintViolation(new SQLException("null value", "23502")).orElseThrow();
        assertFalse(notNull.isDuplicate());
    }

    @Test
    void aLoggedFailureKeepsItsTypesAndStackTracesButNoMessage() {
        SQLException check = new SQLException("ERROR: new row violates check constraint\n  Detail: Failing row "
                + "contains (42, {\"dateOfBirth\":\"1985-04-12\"})", "23514");
        RuntimeException thrown = new RuntimeException("could not execute statement [" + check.getMessage() + "]",
                check);
        Throwable redacted = Failures.redacted(thrown);
        java.io.StringWriter text = new java.io.StringWriter();
        redacted.printStackTrace(new java.io.PrintWriter(text));
        assertFalse(text.toString().contains("1985-04-12"), text.toString());
        assertTrue(text.toString().contains("java.sql.SQLException [SQLState 23514]"), text.toString());
        assertEquals(thrown.getStackTrace()[0], redacted.getStackTrace()[0]);
        assertEquals(check.getStackTrace()[0], redacted.getCause().getStackTrace()[0]);
    }

    @Test
    void valuesTheDatabaseRefusesAreTheRequestsFault() {
        assertEquals("22001", Failures.dataException(new RuntimeException(new SQLException("too long", "22001")))
                .orElseThrow());
        assertEquals("22021", Failures.dataException(new SQLException("0x00", "22021")).orElseThrow());
        assertTrue(Failures.dataException(new SQLException("division by zero", "22012")).isEmpty());
    }

    @Test
    void aProblemWrappedOnTheWayIsFound() {
        ProblemException problem = ProblemException.invalid("x");
        assertEquals(problem, Failures.problem(new IllegalStateException(new RuntimeException(problem)))
                .orElseThrow());
    }
}
