package vn.gov.training.reporting.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stock intervals of a batch of people, derived again from their history and qualifications
 * ({@link StockIntervals}): the stored intervals no longer derived are taken out of stock_rollup and deleted, and
 * the new ones inserted and put in. Most events (ratings, plans) change none; a new level changes one or two of the
 * person's intervals, and an open interval counts in some thirty yearly rows, so only those are counted again.
 */
@ApplicationScoped
public class PersonStock {

    private static final String INSERT = """
            insert into stock_interval (personnel_id, kind, level, unit_code, category, valid_from, valid_to)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final TrainingRollup rollup;
    private final StockRollup stock;

    PersonStock(Sql sql, TrainingRollup rollup, StockRollup stock) {
        this.sql = sql;
        this.rollup = rollup;
        this.stock = stock;
    }

    /** @param held each person's qualifications, as their last event of the batch states them */
    void rebuild(Map<UUID, List<StockIntervals.Held>> held) {
        Sql.UuidArray ids = Sql.uuids(held.keySet());
        Map<UUID, List<StockIntervals.Version>> versions = new HashMap<>();
        for (Map.Entry<UUID, StockIntervals.Version> v : sql.list("""
                select personnel_id, effective_from, effective_to, unit_code, category, status from person_version
                where personnel_id = any(?) order by personnel_id, effective_from""",
                r -> Map.entry(r.uuid("personnel_id"), new StockIntervals.Version(r.date("effective_from"),
                        r.date("effective_to"), r.string("unit_code"), r.string("category"), r.string("status"))),
                ids)) {
            versions.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(v.getValue());
        }
        Map<UUID, Set<StockIntervals.Interval>> stored = new HashMap<>();
        for (Map.Entry<UUID, StockIntervals.Interval> i : sql.list("""
                select personnel_id, kind, level, unit_code, category, valid_from, valid_to from stock_interval
                where personnel_id = any(?)""",
                r -> Map.entry(r.uuid("personnel_id"), new StockIntervals.Interval(r.string("kind"),
                        r.string("level"), r.string("unit_code"), r.string("category"), r.date("valid_from"),
                        r.date("valid_to"))),
                ids)) {
            stored.computeIfAbsent(i.getKey(), k -> new HashSet<>()).add(i.getValue());
        }
        Named removed = new Named();
        Named added = new Named();
        held.forEach((id, qualifications) -> {
            Set<StockIntervals.Interval> after = new LinkedHashSet<>(StockIntervals.of(
                    versions.getOrDefault(id, List.of()), qualifications));
            Set<StockIntervals.Interval> before = stored.getOrDefault(id, Set.of());
            before.stream().filter(i -> !after.contains(i)).forEach(i -> removed.add(id, i));
            after.stream().filter(i -> !before.contains(i)).forEach(i -> added.add(id, i));
        });
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        rollup.enter();
        if (!removed.isEmpty()) {
            stock.add(removed, -1);
            sql.update("delete from stock_interval i where " + Named.WHERE, removed.params());
        }
        if (!added.isEmpty()) {
            sql.batch(INSERT, added.rows());
            stock.add(added, 1);
        }
    }

    /** Intervals named one by one, of several people: for the statements that take or put in exactly those. */
    static final class Named {

        /** The named intervals (alias i) among the stored ones; valid_to null is named as infinity. */
        static final String WHERE = """
                i.personnel_id = any(?) and (i.personnel_id, i.kind, i.level, i.unit_code, i.category, i.valid_from,
                    coalesce(i.valid_to, date 'infinity')) in (select * from unnest(?::uuid[], ?::varchar[],
                    ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]::date[], ?::varchar[]::date[]))""";

        /** The named intervals as rows with stock_interval's columns (alias i), from {@link #rowParams()}. */
        static final String ROWS = """
                (select p, k, l, u, c, f::date, nullif(t::date, date 'infinity') from unnest(?::uuid[], ?::varchar[],
                    ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) x(p, k, l, u, c, f, t))
                    i(personnel_id, kind, level, unit_code, category, valid_from, valid_to)""";

        private final Set<UUID> people = new LinkedHashSet<>();
        private final List<UUID> ids = new ArrayList<>();
        private final List<StockIntervals.Interval> intervals = new ArrayList<>();

        void add(UUID id, StockIntervals.Interval interval) {
            people.add(id);
            ids.add(id);
            intervals.add(interval);
        }

        boolean isEmpty() {
            return ids.isEmpty();
        }

        /** The parameters of {@link #WHERE}. */
        Object[] params() {
            return new Object[] {Sql.uuids(people), Sql.uuids(ids), texts(StockIntervals.Interval::kind),
                    texts(StockIntervals.Interval::level), texts(StockIntervals.Interval::unitCode),
                    texts(StockIntervals.Interval::category), texts(i -> i.from().toString()),
                    texts(i -> i.to() == null ? "infinity" : i.to().toString())};
        }

        /** The parameters of {@link #ROWS}: those of {@link #WHERE} but the people. */
        Object[] rowParams() {
            return Arrays.copyOfRange(params(), 1, 8);
        }

        /** The rows of {@code INSERT}. */
        List<Object[]> rows() {
            List<Object[]> rows = new ArrayList<>(ids.size());
            for (int n = 0; n < ids.size(); n++) {
                StockIntervals.Interval i = intervals.get(n);
                rows.add(new Object[] {ids.get(n), i.kind(), i.level(), i.unitCode(), i.category(), i.from(), i.to()});
            }
            return rows;
        }

        private Sql.TextArray texts(Function<StockIntervals.Interval, String> column) {
            return Sql.texts(intervals.stream().map(column).toList());
        }
    }
}
