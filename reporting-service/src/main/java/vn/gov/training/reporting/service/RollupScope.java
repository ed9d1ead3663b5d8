package vn.gov.training.reporting.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.gov.training.reporting.projection.TrainingTurn;
import vn.gov.training.reporting.projection.Sql;

/**
 * Where the figures of a scope come from: the roll-ups by anchor (training_rollup, distinct_rollup, annual_rollup,
 * stock_rollup) for {@code anchors} (null: every anchor, for the whole data set), training_fact, the enrolments or the
 * stock intervals for the units in {@code rest}. An anchor serves a scope only when every unit anchored to it that
 * has figures in the period (turns, or stock on the date, of the staff category) is among the scope's units: its rows
 * are then exactly those units' figures, whatever the units' history.
 * Otherwise (a unit moved out of the scope, or in from elsewhere after the period) its units in the scope are read
 * from the facts. The anchor of a unit is the top of its chain of parents, so only scopes that hold such a top (a
 * province, the whole data set) use the roll-ups; districts and communes read the facts.
 */
public record RollupScope(List<String> anchors, List<String> rest) {

    /** For the training turns of a period. */
    public static RollupScope of(Sql sql, List<String> codes, Period period, String staffCategory) {
        return of(sql, codes, "training_fact", new Where().and("period_month between ? and ?", period.from(),
                period.to()).andIf(staffCategory, "staff_category = ?").and(TrainingTurn.TURN));
    }

    /**
     * For the figures of {@code table}: a unit of an anchor has figures there when one of its rows (column
     * unit_code) meets {@code figures}.
     */
    public static RollupScope of(Sql sql, List<String> codes, String table, Where figures) {
        if (codes == null) {
            return new RollupScope(null, null);
        }
        Map<String, List<String>> anchored = new HashMap<>();
        for (Map.Entry<String, String> m : sql.list("select anchor_code, unit_code from rollup_unit"
                + " where anchor_code = any(?)", r -> Map.entry(r.string("anchor_code"), r.string("unit_code")),
                Sql.texts(codes))) {
            anchored.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m.getValue());
        }
        if (anchored.isEmpty()) {
            return new RollupScope(List.of(), codes);
        }
        Set<String> inScope = new HashSet<>(codes);
        Map<String, String> outside = new HashMap<>();
        anchored.forEach((anchor, members) -> members.stream().filter(u -> !inScope.contains(u))
                .forEach(u -> outside.put(u, anchor)));
        Set<String> anchors = new HashSet<>(anchored.keySet());
        if (!outside.isEmpty()) {
            Object[] params = figures.params(Sql.texts(outside.keySet()));
            for (String unit : sql.list("select distinct unit_code from " + table + " where " + figures.sql()
                    + " and unit_code = any(?)", r -> r.string("unit_code"), params)) {
                anchors.remove(outside.get(unit));
            }
        }
        Set<String> covered = new HashSet<>();
        anchors.forEach(a -> covered.addAll(anchored.get(a)));
        return new RollupScope(List.copyOf(anchors), codes.stream().filter(c -> !covered.contains(c)).toList());
    }

    /** Whether some figures come from the roll-ups. */
    public boolean usesRollups() {
        return anchors == null || !anchors.isEmpty();
    }

    /** Whether some units are read from the facts. */
    public boolean hasRest() {
        return rest != null && !rest.isEmpty();
    }
}
