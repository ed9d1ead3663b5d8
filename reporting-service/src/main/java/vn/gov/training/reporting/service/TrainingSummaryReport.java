package vn.gov.training.reporting.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import vn.gov.training.reporting.projection.TrainingTurn;
import vn.gov.training.reporting.projection.DistinctRollup;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Row;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 1: training turns by programme category and level, with classes, distinct people, outcomes, periods and
 * cost by funding source. Sums come from training_rollup for wide scopes and from training_fact for the rest (see
 * {@link RollupScope}); classes and distinct people (not additive) from the bitmaps of distinct_rollup for the same wide
 * scopes, and from an index-only pass over the enrolments of the units and period asked for the others.
 */
@RequestScoped
public class TrainingSummaryReport {

    public record Line(String category, String categoryName, String level, String levelName, long classes,
                       long turns, long people, long completed, long failed, long withdrawn, long inProgress,
                       long periods, long costVnd) {
    }

    public record Split(String code, String name, long turns, long costVnd, long fundedVnd) {
    }

    public record Result(String unit, String unitName, LocalDate from, LocalDate to, String staffCategory,
                         List<Line> rows, Line total, List<Split> byDeliveryMode, List<Split> byLocation,
                         List<Split> byFundingSource) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    TrainingSummaryReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit, LocalDate from, LocalDate to, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        Period period = Period.of(from, to);
        List<String> codes = units.codes(root, period.unitsAsOf());

        Map<String, long[]> lines = new TreeMap<>();
        Map<String, long[]> modes = new TreeMap<>();
        Map<String, long[]> locations = new TreeMap<>();
        Map<String, long[]> sources = new TreeMap<>();
        Sums sums = new Sums(lines, Map.of("DELIVERY_MODE", modes, "LOCATION", locations, "FUNDING_SOURCE", sources));
        RollupScope scope = RollupScope.of(sql, codes, period, staffCategory);
        if (scope.usesRollups()) {
            Where rolled = period.rollupRows("period_month").units("anchor_code", scope.anchors())
                    .andIf(staffCategory, "staff_category = ?");
            for (RolledUp r : sql.list("""
                    select split, code, category, level, status, sum(turns), sum(periods), sum(cost_vnd),
                        sum(funding_vnd)
                    from training_rollup where %s group by 1, 2, 3, 4, 5
                    having sum(turns) <> 0 or sum(periods) <> 0 or sum(cost_vnd) <> 0 or sum(funding_vnd) <> 0"""
                    .formatted(rolled.sql()),
                    r -> new RolledUp(r.string("split"), r.string("code"), r.string("category"), r.string("level"),
                            r.string("status"), r.longValue(6), r.longValue(7), r.longValue(8), r.longValue(9)),
                    rolled.params())) {
                if ("LINE".equals(r.split())) {
                    sums.line(r.category(), r.level(), r.status(), r.turns(), r.periods(), r.costVnd());
                } else {
                    sums.split(r.split(), r.code(), r.turns(), r.costVnd(), r.fundingVnd());
                }
            }
        }
        if (scope.hasRest()) {
            Where facts = new Where().and("period_month between ? and ?", period.from(), period.to())
                    .units("unit_code", scope.rest()).andIf(staffCategory, "staff_category = ?").and(TrainingTurn.TURN);
            for (Facts f : sql.list("""
                    select category, level, status, delivery_mode, location, funding_source, sum(turns), sum(periods),
                        sum(cost_vnd), sum(funding_vnd)
                    from training_fact where %s group by 1, 2, 3, 4, 5, 6""".formatted(facts.sql()),
                    r -> new Facts(r.string("category"), r.string("level"), r.string("status"),
                            r.string("delivery_mode"), r.string("location"), r.string("funding_source"),
                            r.longValue(7), r.longValue(8), r.longValue(9), r.longValue(10)),
                    facts.params())) {
                sums.line(f.category(), f.level(), f.status(), f.turns(), f.periods(), f.costVnd());
                sums.split("DELIVERY_MODE", f.deliveryMode(), f.turns(), f.costVnd(), f.fundingVnd());
                sums.split("LOCATION", f.location(), f.turns(), f.costVnd(), f.fundingVnd());
                sums.split("FUNDING_SOURCE", f.fundingSource(), f.turns(), f.costVnd(), f.fundingVnd());
            }
        }
        long[] total = new long[9];
        if (scope.usesRollups()) {
            distinctFromRollup(scope, period, staffCategory, lines, total);
        } else {
            distinctFromTurns(codes, period, staffCategory, lines, total);
        }
        List<Line> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : lines.entrySet()) {
            String[] key = e.getKey().split("\\|", -1);
            long[] v = e.getValue();
            rows.add(line(key[0], key[1], v));
            for (int i = 1; i < 9; i++) {
                if (i != 2) {
                    total[i] += v[i];
                }
            }
        }
        return new Result(root, units.name(root, period.unitsAsOf()), period.from(), period.to(), staffCategory,
                rows, line(null, null, total), splits(modes), splits(locations), splits(sources));
    }

    /**
     * Distinct people and classes of a scope with anchors: the bitmaps of distinct_rollup for its anchors (the rows
     * of {@link Period#rollupRows}), with the turns of the scope's other units added from the enrolments, united per
     * line and for the total.
     */
    private void distinctFromRollup(RollupScope scope, Period period, String staffCategory, Map<String, long[]> lines,
                                    long[] total) {
        Map<String, LineSets> sets = new HashMap<>();
        Where cells = period.rollupRows("period_start");
        cells.units("anchor_code", scope.anchors()).andIf(staffCategory, "staff_category = ?");
        for (CellSets c : sql.list("select category, level, people, classes from distinct_rollup where "
                + cells.sql(), r -> new CellSets(line(r), r.bytes("people"), r.bytes("classes")), cells.params())) {
            LineSets line = sets.computeIfAbsent(c.line(), k -> new LineSets());
            line.people().add(DistinctRollup.view(c.people()));
            line.classes().add(DistinctRollup.view(c.classes()));
        }
        if (scope.hasRest()) {
            Where turns = new Where().and("f.start_date between ? and ?", period.from(), period.to())
                    .units("f.unit_code", scope.rest()).andIf(staffCategory, "f.staff_category = ?")
                    .and("f." + TrainingTurn.TURN);
            for (Turn t : sql.list("""
                    select f.category, f.level, p.number, k.number from enrolment f
                    join id_number p on p.id = f.personnel_id left join id_number k on k.id = f.class_id
                    where %s""".formatted(turns.sql()), r -> new Turn(line(r), r.intValue(3), r.intOrNull(4)),
                    turns.params())) {
                LineSets line = sets.computeIfAbsent(t.line(), k -> new LineSets());
                line.loosePeople().add(t.person());
                if (t.trainingClass() != null) {
                    line.looseClasses().add(t.trainingClass());
                }
            }
        }
        List<ImmutableRoaringBitmap> allPeople = new ArrayList<>();
        List<ImmutableRoaringBitmap> allClasses = new ArrayList<>();
        sets.forEach((key, line) -> {
            MutableRoaringBitmap people = union(line.people(), line.loosePeople());
            MutableRoaringBitmap classes = union(line.classes(), line.looseClasses());
            long[] figures = lines.computeIfAbsent(key, k -> new long[9]);
            figures[2] = people.getLongCardinality();
            figures[0] = classes.getLongCardinality();
            allPeople.add(people);
            allClasses.add(classes);
        });
        total[2] = union(allPeople, null).getLongCardinality();
        total[0] = union(allClasses, null).getLongCardinality();
    }

    /** The people or classes of one line: the bitmaps of its cells (read in place) and the turns outside them. */
    private record LineSets(List<ImmutableRoaringBitmap> people, List<ImmutableRoaringBitmap> classes,
                            MutableRoaringBitmap loosePeople, MutableRoaringBitmap looseClasses) {
        LineSets() {
            this(new ArrayList<>(), new ArrayList<>(), new MutableRoaringBitmap(), new MutableRoaringBitmap());
        }
    }

    private static MutableRoaringBitmap union(List<ImmutableRoaringBitmap> sets, MutableRoaringBitmap more) {
        List<ImmutableRoaringBitmap> all = new ArrayList<>(sets);
        if (more != null) {
            all.add(more);
        }
        return BufferFastAggregation.or(all.iterator());
    }

    /**
     * Distinct people and classes of a scope without anchors (a district, a commune): one pass over the period's
     * turns of its units, deduplicated per line by hashing, then the totals over the (much smaller) pairs.
     */
    private void distinctFromTurns(List<String> codes, Period period, String staffCategory,
                                   Map<String, long[]> lines, long[] total) {
        Where people = new Where().and("start_date between ? and ?", period.from(), period.to())
                .units("unit_code", codes).andIf(staffCategory, "staff_category = ?").and(TrainingTurn.TURN);
        for (Distinct d : sql.list("""
                with pairs as materialized (
                    select category, level, personnel_id, class_id from enrolment where %s
                    group by grouping sets ((category, level, personnel_id), (category, level, class_id)))
                select category, level, count(personnel_id), count(class_id), 0 from pairs group by 1, 2
                union all
                select null, null, count(distinct personnel_id), count(distinct class_id), 1 from pairs"""
                .formatted(people.sql()), r -> new Distinct(line(r), r.longValue(3), r.longValue(4),
                r.longValue(5) == 1), people.params())) {
            if (d.total()) {
                total[2] = d.people();
                total[0] = d.classes();
            } else {
                long[] line = lines.computeIfAbsent(d.line(), k -> new long[9]);
                line[2] = d.people();
                line[0] = d.classes();
            }
        }
    }

    /** Sums of training_rollup: of a line (category, level, status) when split is LINE, else of a split's code. */
    private record RolledUp(String split, String code, String category, String level, String status, long turns,
                            long periods, long costVnd, long fundingVnd) {
    }

    /** Sums of training_fact, for the line and every split at once. */
    private record Facts(String category, String level, String status, String deliveryMode, String location,
                         String fundingSource, long turns, long periods, long costVnd, long fundingVnd) {
    }

    /** The people and classes (serialized bitmaps) of a distinct_rollup cell of a line. */
    private record CellSets(String line, byte[] people, byte[] classes) {
    }

    /** A training turn outside the cells: the numbers (id_number) of its person and class (or null). */
    private record Turn(String line, int person, Integer trainingClass) {
    }

    /** Distinct people and classes of a line, or of all lines when {@code total}. */
    private record Distinct(String line, long people, long classes, boolean total) {
    }

    /** The line of a row whose first two columns are its category and level. */
    private static String line(Row r) throws SQLException {
        return r.string(1) + "|" + r.string(2);
    }

    /** Adds up lines and splits from either source. */
    private record Sums(Map<String, long[]> lines, Map<String, Map<String, long[]>> splits) {

        void line(String category, String level, String status, long turns, long periods, long cost) {
            long[] line = lines.computeIfAbsent(category + "|" + level, k -> new long[9]);
            line[1] += turns;
            switch (status) {
                case "COMPLETED" -> line[3] += turns;
                case "FAILED" -> line[4] += turns;
                case "WITHDRAWN" -> line[5] += turns;
                default -> line[6] += turns;
            }
            line[7] += periods;
            line[8] += cost;
        }

        void split(String split, String code, long turns, long cost, long funded) {
            add(splits.get(split), code, turns, cost, funded);
        }
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(ExcelTable.row(l.categoryName(), l.levelName(), l.classes(), l.turns(), l.people(),
                    l.completed(), l.failed(), l.withdrawn(), l.inProgress(), l.periods(), l.costVnd()));
        }
        Line t = r.total();
        rows.add(ExcelTable.row("Tổng cộng", "", t.classes(), t.turns(), t.people(), t.completed(), t.failed(),
                t.withdrawn(), t.inProgress(), t.periods(), t.costVnd()));
        rows.add(ExcelTable.row());
        for (Split s : r.byDeliveryMode()) {
            rows.add(ExcelTable.row("Hình thức: " + s.name(), "", null, s.turns(), null, null, null, null, null,
                    null, s.costVnd()));
        }
        for (Split s : r.byLocation()) {
            rows.add(ExcelTable.row("Địa điểm: " + s.name(), "", null, s.turns(), null, null, null, null, null,
                    null, s.costVnd()));
        }
        for (Split s : r.byFundingSource()) {
            rows.add(ExcelTable.row("Nguồn kinh phí: " + s.name(), "", null, s.turns(), null, null, null, null,
                    null, null, s.costVnd()));
        }
        return new ExcelTable("BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG",
                List.of("Đơn vị: " + r.unitName(), "Từ ngày " + Dates.vn(r.from()) + " đến ngày " + Dates.vn(r.to()),
                        "Đối tượng: " + (r.staffCategory() == null ? "Tất cả" : Labels.of(r.staffCategory()))),
                List.of(ExcelTable.text(Labels.heading("category")), ExcelTable.text(Labels.heading("level")),
                        ExcelTable.count(Labels.heading("classes")), ExcelTable.count(Labels.heading("turns")), ExcelTable.count(Labels.heading("people")),
                        ExcelTable.count(Labels.heading("completed")), ExcelTable.count(Labels.heading("failed")), ExcelTable.count(Labels.heading("withdrawn")),
                        ExcelTable.count(Labels.heading("inProgress")), ExcelTable.count(Labels.heading("periods")), ExcelTable.vnd(Labels.vndHeading("costVnd"))),
                rows);
    }

    private static Line line(String category, String level, long[] v) {
        return new Line(category, category == null ? "Tổng cộng" : Labels.of(category), level,
                level == null ? null : Labels.level(category, level), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private static void add(Map<String, long[]> map, String key, long turns, long cost, long funded) {
        long[] v = map.computeIfAbsent(key, k -> new long[3]);
        v[0] += turns;
        v[1] += cost;
        v[2] += funded;
    }

    private static List<Split> splits(Map<String, long[]> map) {
        return map.entrySet().stream()
                .map(e -> new Split(e.getKey(), Labels.of(e.getKey()), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .toList();
    }
}
