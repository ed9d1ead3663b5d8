package vn.gov.training.platform.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The where-clause of a Panache/HQL query built from the filters a caller gave: each clause with its named
 * parameters, a filter clause only when its value is present. {@link #allOf()} joins the clauses with {@code and}
 * (none: {@code 1 = 1}, everything), {@link #anyOf()} with {@code or} (none: {@code 1 = 0}, nothing); a group
 * goes into another in parentheses. A clause with an {@code or} of its own inside an {@code allOf} brings its
 * parentheses.
 *
 * <pre>{@code
 * Filters where = Filters.allOf()
 *         .when("status = :status", "status", status)
 *         .when("year = :year", "year", year);
 * Plan.find(where.query() + " order by year desc", where.parameters());
 * }</pre>
 */
public final class Filters {

    private final String joiner;
    private final String none;
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private Filters(String joiner, String none) {
        this.joiner = joiner;
        this.none = none;
    }

    /** Clauses that must all hold; without any, every row matches. */
    public static Filters allOf() {
        return new Filters(" and ", "1 = 1");
    }

    /** Clauses of which one must hold; without any, no row matches. */
    public static Filters anyOf() {
        return new Filters(" or ", "1 = 0");
    }

    /**
     * Adds {@code clause}, whose {@code :name} stands for {@code value}, unless the value is absent: null or an
     * empty {@link Optional} (a full one stands for what it holds).
     */
    public Filters when(String clause, String name, Object value) {
        Object present = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        return present == null ? this : add(clause, name, present);
    }

    /** Adds {@code clause}, whose {@code :name} stands for {@code value} (which must not be null). */
    public Filters add(String clause, String name, Object value) {
        with(name, value);
        clauses.add(clause);
        return this;
    }

    /** Adds {@code clause}; its parameters, if any, come through {@link #with}. */
    public Filters add(String clause) {
        clauses.add(clause);
        return this;
    }

    /** Adds {@code group} in parentheses, with its parameters. */
    public Filters add(Filters group) {
        clauses.add("(" + group.query() + ")");
        group.parameters.forEach(this::with);
        return this;
    }

    /** Gives {@code :name} the {@code value}; one name stands for one value. */
    public Filters with(String name, Object value) {
        Objects.requireNonNull(value, name);
        Object earlier = parameters.putIfAbsent(name, value);
        if (earlier != null && !earlier.equals(value)) {
            throw new IllegalArgumentException("parameter :" + name + " already stands for another value");
        }
        return this;
    }

    /** The condition, to follow {@code where} (or to be the whole of a Panache query, with an order if any). */
    public String query() {
        return clauses.isEmpty() ? none : String.join(joiner, clauses);
    }

    /** The named parameters of {@link #query()}, for Panache's {@code find(query, parameters)}. */
    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
