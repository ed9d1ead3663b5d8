package vn.gov.training.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.platform.resilience.TransientFailure.Kind;

/** An outage or contention is recognised wherever it hides in the cause chain; a failure of the input is not. */
class TransientFailureTest {

    private static Kind kind(Throwable failure) {
        return TransientFailure.of(failure).map(TransientFailure::kind).orElse(null);
    }

    /** What the consumers met in the PostgreSQL kill of issue 19: Hibernate over Agroal over the driver. */
    @Test
    void connectionRefusedBehindHibernateAndTheTransactionManagerIsAnOutage() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:25432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        RuntimeException hibernate = new org.hibernate.exception.JDBCConnectionException(
                "Unable to acquire JDBC Connection", refused);
        RuntimeException quarkus = new IllegalStateException("transaction failed", hibernate);

        TransientFailure failure = TransientFailure.of(quarkus).orElseThrow();
        assertEquals(Kind.DATABASE_UNAVAILABLE, failure.kind());
        assertTrue(failure.description().contains("SQLState 08001"), failure.description());
        assertFalse(failure.description().contains("25432"), "no message in the description");
    }

    @Test
    void aDatabaseStartingOrShuttingDownIsAnOutage() {
        assertEquals(Kind.DATABASE_UNAVAILABLE, kind(new PSQLException(
                "FATAL: the database system is not yet accepting connections", PSQLState.valueOf("CONNECTION_FAILURE"))));
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08003", "53300", "53100"}) {
            assertEquals(Kind.DATABASE_UNAVAILABLE, kind(new RuntimeException(new SQLException("x", state))), state);
        }
    }

    @Test
    void contentionIsTransient() {
        for (String state : new String[] {"40001", "40P01", "55P03"}) {
            assertEquals(Kind.CONTENTION, kind(new RuntimeException(new SQLException("x", state))), state);
        }
        assertEquals(Kind.CONTENTION, kind(new jakarta.persistence.LockTimeoutException("lock")));
        assertEquals(Kind.CONTENTION, kind(new org.hibernate.exception.LockAcquisitionException("deadlock",
                new SQLException("deadlock detected", "40P01"))));
    }

    @Test
    void agroalAcquisitionTimeoutAndTransientConnectionExceptionsAreOutages() {
        assertEquals(Kind.DATABASE_UNAVAILABLE, kind(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(Kind.DATABASE_UNAVAILABLE, kind(new SQLTransientConnectionException("gone")));
    }

    @Test
    void anOutageSuppressedByACommitFailureIsFound() {
        RuntimeException commit = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertEquals(Kind.DATABASE_UNAVAILABLE, kind(commit));
    }

    @Test
    void kafkaRetriableExceptionsAreTheBrokerBeingAway() {
        assertEquals(Kind.BROKER_UNAVAILABLE, kind(new RuntimeException(
                new org.apache.kafka.common.errors.TimeoutException("Topic personnel not present in metadata"))));
        assertEquals(Kind.BROKER_UNAVAILABLE, kind(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("x")));
        assertEquals(Kind.BROKER_UNAVAILABLE, kind(new org.apache.kafka.common.errors.DisconnectException("x")));
        assertEquals(null, kind(new org.apache.kafka.common.errors.RecordTooLargeException("too large")));
    }

    @Test
    void aNetworkFailureOfAnotherPartIsTransient() {
        assertEquals(Kind.NETWORK, kind(new jakarta.ws.rs.ProcessingException(new ConnectException("refused"))));
    }

    /** These fail again on the same input: poison, they go to the dead-letter topic. */
    @Test
    void failuresOfTheInputAreNotTransient() {
        assertFalse(TransientFailure.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(TransientFailure.isTransient(new RuntimeException(new SQLException("division by zero", "22012"))));
        assertFalse(TransientFailure.isTransient(new SQLException("relation does not exist", "42P01")));
        assertFalse(TransientFailure.isTransient(new PoisonEventException("data does not parse")));
        assertFalse(TransientFailure.isTransient(new IllegalArgumentException("bad")));
        assertFalse(TransientFailure.isTransient(new NullPointerException()));
        assertFalse(TransientFailure.isTransient(new SQLException("no state")));
        assertFalse(TransientFailure.isTransient(null));
    }

    @Test
    void theMoreSpecificOutageWinsOverContention() {
        SQLException lock = new SQLException("lock timeout", "55P03");
        lock.setNextException(new SQLException("terminating connection", "57P01"));
        assertEquals(Kind.DATABASE_UNAVAILABLE, kind(lock));
    }

    @Test
    void aTransientFailureRethrownWithoutItsCauseIsStillTransient() {
        TransientFailure outage = TransientFailure.of(new SQLException("x", "08006")).orElseThrow();
        assertEquals(Kind.DATABASE_UNAVAILABLE, kind(new RuntimeException(new TransientFailureException(outage))));
    }
}
