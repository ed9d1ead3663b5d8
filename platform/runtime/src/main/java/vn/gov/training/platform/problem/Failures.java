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
