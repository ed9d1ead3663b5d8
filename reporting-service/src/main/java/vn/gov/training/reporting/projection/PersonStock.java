package vn.gov.training.reporting.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stock intervals of a batch of people, derived again from their history and qualifications
 * ({@link StockIntervals}): the people whose intervals differ from the stored ones get theirs replaced, taken out
 * of stock_rollup before and put in afterwards. Most events (ratings, plans) change none.
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
        Set<UUID> changed = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        held.forEach((id, qualifications) -> {
            List<StockIntervals.Interval> intervals = StockIntervals.of(versions.getOrDefault(id, List.of()),
                    qualifications);
            Set<StockIntervals.Interval> before = stored.getOrDefault(id, Set.of());
            if (before.size() != intervals.size() || !before.containsAll(intervals)) {
                changed.add(id);
                for (StockIntervals.Interval i : intervals) {
                    rows.add(new Object[] {id, i.kind(), i.level(), i.unitCode(), i.category(), i.from(), i.to()});
                }
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        rollup.enter();
        stock.add(changed, -1);
        sql.update("delete from stock_interval where personnel_id = any(?)", Sql.uuids(changed));
        sql.batch(INSERT, rows);
        stock.add(changed, 1);
    }
}
