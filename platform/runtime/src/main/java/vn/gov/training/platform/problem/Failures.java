package vn.gov.training.platform.problem;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Reads failures without their messages. Database messages carry the offending values (PostgreSQL's
 * {@code Key (national_id)=(...) already exists}), so what is logged or stored about a failure is limited to
 * exception types, SQL states and constraint names.
 */
public final class Failures {

    /** A violated integrity constraint: the SQL state (class 23) and, when known, the constraint's name. */
    public record ConstraintViolation(String sqlState, String constraint) {

        /** A unique or exclusion constraint: the record exists already. */
        public boolean isDuplicate() {
            return "23505".equals(sqlState) || "23P01".equals(sqlState);
        }
    }

    private Failures() {
    }

    /** The integrity-constraint violation somewhere in the causes (or suppressed exceptions) of {@code failure}. */
    public static Optional<ConstraintViolation> constraintViolation(Throwable failure) {
        String constraint = null;
        String state = null;
        for (Throwable t : chain(failure)) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException hibernate
                    && hibernate.getConstraintName() != null && constraint == null) {
                constraint = hibernate.getConstraintName();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")
                    && state == null) {
                state = sql.getSQLState();
            }
        }
        return state == null ? Optional.empty() : Optional.of(new ConstraintViolation(state, constraint));
    }

    /**
     * SQL states of values the database refuses because of what the request sent: too long for the column
     * (22001), out of range (22003, 22008), a character PostgreSQL does not store, such as NUL (22021, 22P05).
     */
    private static final Set<String> BAD_VALUE_STATES = Set.of("22001", "22003", "22008", "22021", "22P05");

    /** The SQL state when the database refused a value the request carried (see {@link #BAD_VALUE_STATES}). */
    public static Optional<String> dataException(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && BAD_VALUE_STATES.contains(sql.getSQLState())) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** A problem to report that something on the way wrapped (a commit, an entity callback). */
    public static Optional<ProblemException> problem(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** The types (and SQL states) of the failure and its causes, e.g. for a log line: never a message. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t : chain(failure)) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                text.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
        }
        return text.toString();
    }

    /**
     * A copy of the failure's cause chain for a log line: the same types (as text) and stack traces, no messages.
     * Database messages quote the values of the statement (PostgreSQL's {@code Failing row contains (...)}, a JSON
     * payload with a date of birth), so a stack trace is logged only through this copy.
     */
    public static Throwable redacted(Throwable failure) {
        Throwable top = null;
        Throwable previous = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            String label = t.getClass().getName();
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                label += " [SQLState " + sql.getSQLState() + "]";
            }
            Redacted copy = new Redacted(label);
            copy.setStackTrace(t.getStackTrace());
            if (previous == null) {
                top = copy;
            } else {
                previous.initCause(copy);
            }
            previous = copy;
            if (t.getCause() == t) {
                break;
            }
        }
        return top;
    }

    /** Stands for a logged exception whose message is left out. */
    static final class Redacted extends RuntimeException {
        Redacted(String label) {
            super(label);
        }
    }

    /** The failure, its causes, suppressed exceptions and SQL "next" exceptions, each once. */
    public static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.List<Throwable> ordered = new java.util.ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && ordered.size() < 50) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.add(suppressed);
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return ordered;
    }
}
