package vn.gov.training.platform.resilience;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;

import vn.gov.training.platform.problem.Failures;

/**
 * A failure of infrastructure, not of the input: the same work succeeds once the part is back (the database
 * accepts connections again, a lock is released, the broker returns). Such a failure is never a poison message;
 * the work waits and is retried. Found by walking the whole cause chain (causes, suppressed and SQL "next"
 * exceptions), because Hibernate, Narayana and Agroal wrap the driver's exception in their own.
 *
 * @param kind        what is failing
 * @param description exception types and SQL state only, never a message (messages may carry personal data)
 */
public record TransientFailure(Kind kind, String description) {

    public enum Kind {
        /** the database cannot be reached, refuses connections, is starting or shutting down, or has no resources */
        DATABASE_UNAVAILABLE,
        /** contention between transactions: serialization failure, deadlock, lock timeout */
        CONTENTION,
        /** the Kafka broker (or another networked part) is unavailable */
        BROKER_UNAVAILABLE,
        /** another networked part (e.g. Keycloak) cannot be reached */
        NETWORK
    }

    /** The transient failure somewhere in the chain of {@code failure}, or empty for a failure of the input. */
    public static Optional<TransientFailure> of(Throwable failure) {
        Kind found = null;
        for (Throwable t : Failures.chain(failure)) {
            Kind kind = kindOf(t);
            if (kind != null && (found == null || kind.ordinal() < found.ordinal())) {
                found = kind;
            }
        }
        return found == null ? Optional.empty() : Optional.of(new TransientFailure(found, Failures.describe(failure)));
    }

    /** Whether {@code failure} is transient (see {@link #of}). */
    public static boolean isTransient(Throwable failure) {
        return of(failure).isPresent();
    }

    private static Kind kindOf(Throwable t) {
        if (t instanceof TransientFailureException rethrown) {
            return rethrown.failure().kind();
        }
        if (t instanceof SQLException sql) {
            Kind bySqlState = bySqlState(sql.getSQLState());
            if (bySqlState != null) {
                return bySqlState;
            }
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return Kind.DATABASE_UNAVAILABLE;
            }
            if (t instanceof java.sql.SQLTimeoutException || t instanceof SQLTransientException) {
                return Kind.CONTENTION;
            }
            // Agroal's pool: no connection could be had within the acquisition timeout (a plain SQLException)
            if (sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Sorry, acquisition timeout")) {
                return Kind.DATABASE_UNAVAILABLE;
            }
            return null;
        }
        String type = t.getClass().getName();
        switch (type) {
            case "org.hibernate.exception.JDBCConnectionException":
                return Kind.DATABASE_UNAVAILABLE;
            case "org.hibernate.exception.LockAcquisitionException",
                 "org.hibernate.PessimisticLockException",
                 "org.hibernate.exception.LockTimeoutException",
                 "jakarta.persistence.LockTimeoutException",
                 "jakarta.persistence.PessimisticLockException":
                return Kind.CONTENTION;
            default:
                break;
        }
        if (isKafkaRetriable(t)) {
            return Kind.BROKER_UNAVAILABLE;
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException || t instanceof SocketException) {
            return Kind.NETWORK;
        }
        return null;
    }

    /**
     * PostgreSQL's SQL states of an outage or of contention: class 08 (connection exception), 53 (insufficient
     * resources), 57P01-57P03 (admin or crash shutdown, cannot connect now: "not yet accepting connections"),
     * 40001 (serialization failure), 40P01 (deadlock), 55P03 (lock not available).
     */
    static Kind bySqlState(String state) {
        if (state == null || state.length() != 5) {
            return null;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03")) {
            return Kind.DATABASE_UNAVAILABLE;
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return Kind.CONTENTION;
        }
        return null;
    }

    /** Kafka's own retriable exceptions (broker unavailable, timeouts, leader changes), by type hierarchy. */
    private static boolean isKafkaRetriable(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            String name = c.getName();
            if (name.equals("org.apache.kafka.common.errors.RetriableException")
                    || name.equals("org.apache.kafka.common.errors.DisconnectException")) {
                return true;
            }
        }
        return false;
    }
}
