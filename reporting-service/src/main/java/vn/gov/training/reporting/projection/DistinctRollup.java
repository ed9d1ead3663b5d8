package vn.gov.training.reporting.projection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Keeps distinct_rollup: per anchor (as in training_rollup), month, quarter and calendar year, staff category,
 * category and level, the people and the classes with a training turn there, as bitmaps of their id_number. Distinct counts cannot
 * be added up, but bitmaps can be united: the training summary of a wide scope unites the cells of its anchors and
 * counts, instead of deduplicating every turn of the period.
 * <p>
 * The deltas come with training_rollup's (TrainingFacts.change, {@link #replace}): the turns of a batch of enrolments
 * before and after they change touch their month, quarter and year cells; there each of their people and classes is
 * set when a turn of theirs falls in the cell afterwards, cleared otherwise.
 * When units move to another anchor, the cells of the years they had turns in are computed again for the anchors
 * involved ({@link #recount}). {@link #fill} computes cells from the enrolments, for a new table and for a move.
 */
@ApplicationScoped
public class DistinctRollup {

    public static final char MONTH = 'M';
    public static final char QUARTER = 'Q';
    public static final char YEAR = 'Y';

    private static final String KEY = "anchor_code, span, period_start, staff_category, category, level";

    private final Sql sql;

    DistinctRollup(Sql sql) {
        this.sql = sql;
    }

    /** A cell of distinct_rollup. */
    record Cell(String anchor, char span, LocalDate start, String staffCategory, String category, String level) {

        Cell quarter() {
            return new Cell(anchor, QUARTER, start.withMonth((start.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1),
                    staffCategory, category, level);
        }

        Cell year() {
            return new Cell(anchor, YEAR, start.withDayOfYear(1), staffCategory, category, level);
        }

        LocalDate end() {
            return switch (span) {
                case MONTH -> start.plusMonths(1);
                case QUARTER -> start.plusMonths(3);
                default -> start.plusYears(1);
            };
        }

        Object[] key() {
            return new Object[] {anchor, String.valueOf(span), start, staffCategory, category, level};
        }
    }

    /** A training turn as distinct_rollup counts it: its month's cell, its person and its class (or null). */
    record Turn(Cell month, UUID person, UUID trainingClass) {
    }

    /** A person (or class) in one cell. */
    private record Member(Cell cell, boolean person, UUID id) {
    }

    /** The turns of these enrolments as they are stored now (after their units have an anchor). */
    List<Turn> turns(Collection<UUID> enrolmentIds) {
        return sql.list("select m.anchor_code, date_trunc('month', f.start_date)::date, f.staff_category, f.category,"
                        + " f.level, f.personnel_id, f.class_id from enrolment f"
                        + " join rollup_unit m on m.unit_code = f.unit_code where f.enrolment_id = any(?)"
                        + " and f.start_date is not null and f." + TrainingTurn.TURN,
                t -> new Turn(new Cell(t.string("anchor_code"), MONTH, t.date(2), t.string("staff_category"),
                        t.string("category"), t.string("level")), t.uuid("personnel_id"), t.uuid("class_id")),
                Sql.uuids(enrolmentIds));
    }

    /**
     * After enrolments changed from the turns {@code before} to the turns {@code after} (TrainingFacts.change): in
     * every month, quarter and year cell either touches, each of their people and classes is set when a training
     * turn of theirs falls in the cell now and cleared otherwise. A handful of statements for any number of turns.
     */
    void replace(List<Turn> before, List<Turn> after) {
        if (new HashSet<>(before).equals(new HashSet<>(after))) {
            return;
        }
        Set<Member> touched = new LinkedHashSet<>();
        for (Turn turn : Stream.concat(before.stream(), after.stream()).toList()) {
            for (Cell cell : List.of(turn.month(), turn.month().quarter(), turn.month().year())) {
                touched.add(new Member(cell, true, turn.person()));
                if (turn.trainingClass() != null) {
                    touched.add(new Member(cell, false, turn.trainingClass()));
                }
            }
        }
        Set<Member> present = present(touched);
        Map<UUID, Integer> numbers = numbers(present.stream().map(Member::id).collect(Collectors.toSet()),
                touched.stream().map(Member::id).collect(Collectors.toSet()));
        Map<Cell, RoaringBitmap[]> cells = load(touched.stream().map(Member::cell).collect(Collectors.toSet()));
        for (Member member : touched) {
            RoaringBitmap set = cells.get(member.cell())[member.person() ? 0 : 1];
            Integer number = numbers.get(member.id());
            if (present.contains(member)) {
                set.add(number);
            } else if (number != null) {
                set.remove(number);
            }
        }
        store(cells);
    }

    /**
     * Those of {@code members} that have a training turn in their cell now. The turns of the members' people or
     * classes are read first by their own index (materialized): left to itself, the planner looked for a class's
     * turns through the index on (unit, start date) and read every turn of the anchor's units in the cell's period
     * for each member: 2 ms a member with the pipeline benchmark's 20,000 turns, growing with the province's turns.
     */
    private Set<Member> present(Set<Member> members) {
        Set<Member> present = new HashSet<>();
        for (boolean person : List.of(true, false)) {
            List<Member> of = members.stream().filter(m -> m.person() == person).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Integer> found = sql.list("""
                    with turns as materialized (
                        select g.%1$s as id, m.anchor_code, g.staff_category, g.category, g.level, g.start_date
                        from enrolment g join rollup_unit m on m.unit_code = g.unit_code
                        where g.%1$s = any(?) and g.%2$s)
                    select x.n from unnest(cast(? as varchar[]), cast(? as date[]), cast(? as date[]),
                        cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as uuid[]))
                        with ordinality x(anchor_code, start_date, end_date, staff_category, category, level, id, n)
                    where exists (select 1 from turns g where g.id = x.id and g.anchor_code = x.anchor_code
                        and g.staff_category = x.staff_category and g.category = x.category and g.level = x.level
                        and g.start_date >= x.start_date and g.start_date < x.end_date)"""
                    .formatted(person ? "personnel_id" : "class_id", TrainingTurn.TURN), r -> r.intValue("n"),
                    Sql.uuids(of.stream().map(Member::id).distinct().toList()),
                    texts(of, m -> m.cell().anchor()), texts(of, m -> m.cell().start().toString()),
                    texts(of, m -> m.cell().end().toString()), texts(of, m -> m.cell().staffCategory()),
                    texts(of, m -> m.cell().category()), texts(of, m -> m.cell().level()),
                    Sql.uuids(of.stream().map(Member::id).toList()));
            for (int n : found) {
                present.add(of.get(n - 1));
            }
        }
        return present;
    }

    /** The small numbers of {@code ids}; those of {@code needed} are given one the first time they are seen. */
    private Map<UUID, Integer> numbers(Set<UUID> needed, Set<UUID> ids) {
        if (!needed.isEmpty()) {
            sql.update("insert into id_number (id) select x.id from unnest(?) x(id) where not exists"
                    + " (select 1 from id_number n where n.id = x.id) order by x.id on conflict (id) do nothing",
                    Sql.uuids(needed));
        }
        Map<UUID, Integer> numbers = new HashMap<>();
        for (Map.Entry<UUID, Integer> n : sql.list("select id, number from id_number where id = any(?)",
                r -> Map.entry(r.uuid("id"), r.intValue("number")), Sql.uuids(ids))) {
            numbers.put(n.getKey(), n.getValue());
        }
        return numbers;
    }

    /** The bitmaps of these cells (empty for a cell not stored yet), locked until commit, in key order. */
    private Map<Cell, RoaringBitmap[]> load(Set<Cell> wanted) {
        List<Cell> list = List.copyOf(wanted);
        Map<Cell, RoaringBitmap[]> cells = new HashMap<>();
        for (Cell cell : list) {
            cells.put(cell, empty());
        }
        for (Map.Entry<Cell, RoaringBitmap[]> stored : sql.list("select d.anchor_code, d.span, d.period_start,"
                        + " d.staff_category, d.category, d.level, d.people, d.classes from distinct_rollup d"
                        + " where (" + KEY + ") in (select *"
                        + " from unnest(cast(? as varchar[]), cast(? as char(1)[]), cast(? as date[]),"
                        + " cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[])))"
                        + " order by d.anchor_code, d.span, d.period_start, d.staff_category, d.category, d.level"
                        + " for update",
                r -> Map.entry(new Cell(r.string("anchor_code"), r.string("span").charAt(0), r.date("period_start"),
                        r.string("staff_category"), r.string("category"), r.string("level")),
                        new RoaringBitmap[] {bitmap(r.bytes("people")), bitmap(r.bytes("classes"))}),
                texts(list, Cell::anchor), texts(list, c -> String.valueOf(c.span())),
                texts(list, c -> c.start().toString()), texts(list, Cell::staffCategory), texts(list, Cell::category),
                texts(list, Cell::level))) {
            cells.put(stored.getKey(), stored.getValue());
        }
        return cells;
    }

    /** Writes the cells back: an empty one is deleted. */
    private void store(Map<Cell, RoaringBitmap[]> cells) {
        List<Object[]> empty = new ArrayList<>();
        List<Object[]> filled = new ArrayList<>();
        for (Map.Entry<Cell, RoaringBitmap[]> cell : cells.entrySet()) {
            RoaringBitmap[] sets = cell.getValue();
            Object[] key = cell.getKey().key();
            if (sets[0].isEmpty() && sets[1].isEmpty()) {
                empty.add(key);
            } else {
                filled.add(new Object[] {key[0], key[1], key[2], key[3], key[4], key[5], bytes(sets[0]),
                        bytes(sets[1])});
            }
        }
        sql.batch("delete from distinct_rollup where (" + KEY + ") = (?, ?, ?, ?, ?, ?)", empty);
        sql.batch("insert into distinct_rollup (" + KEY + ", people, classes) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (" + KEY + ") do update set people = excluded.people, classes = excluded.classes",
                filled);
    }

    private static <T> Sql.TextArray texts(List<T> items, Function<T, String> value) {
        return Sql.texts(items.stream().map(value).toList());
    }

    /**
     * After {@code units} moved to another anchor (rollup_unit already says so): the cells of {@code anchors} (old
     * and new) in every year the units had turns are computed again from the enrolments.
     */
    void recount(Collection<String> units, Collection<String> anchors) {
        List<String> years = sql.list("select distinct date_trunc('year', start_date)::date from enrolment"
                        + " where unit_code = any(?) and start_date is not null and " + TrainingTurn.TURN,
                r -> r.date(1).toString(), Sql.texts(units));
        if (years.isEmpty()) {
            return;
        }
        Sql.TextArray anchorCodes = Sql.texts(anchors);
        Sql.TextArray yearStarts = Sql.texts(years);
        sql.update("delete from distinct_rollup where anchor_code = any(?)"
                + " and date_trunc('year', period_start)::date = any(cast(? as date[]))", anchorCodes, yearStarts);
        sql.withConnection(c -> {
            fill(c, "m.anchor_code = any(?) and date_trunc('year', f.start_date)::date = any(cast(? as date[]))",
                    c.createArrayOf("varchar", anchorCodes.values()), c.createArrayOf("varchar", yearStarts.values()));
            return null;
        });
    }

    /**
     * Writes the cells of the enrolments that {@code filter} (over enrolment f and rollup_unit m) selects; those cells
     * must not exist yet. Reads the enrolments in cell order through a cursor, so memory holds one anchor's year
     * cells at a time. Used by {@link #recount} and the benchmark.
     */
    public static void fill(Connection c, String filter, Object... params) throws SQLException {
        String from = " from enrolment f join rollup_unit m on m.unit_code = f.unit_code";
        String where = " where f.start_date is not null and f." + TrainingTurn.TURN + " and (" + filter + ")";
        try (PreparedStatement numbers = c.prepareStatement("insert into id_number (id) select distinct x.id" + from
                + " cross join lateral (values (f.personnel_id), (f.class_id)) x(id)" + where
                + " and x.id is not null and not exists (select 1 from id_number n where n.id = x.id)"
                + " on conflict (id) do nothing")) {
            bind(numbers, params);
            numbers.executeUpdate();
        }
        String cells = "select m.anchor_code, date_trunc('month', f.start_date)::date, f.staff_category, f.category,"
                + " f.level, p.number, k.number" + from
                + " join id_number p on p.id = f.personnel_id left join id_number k on k.id = f.class_id" + where
                + " order by 1, 2, 3, 4, 5";
        if (!c.getAutoCommit()) {
            writeCells(c, cells, params);
            return;
        }
        c.setAutoCommit(false); // PostgreSQL streams a result through a cursor only inside a transaction
        try {
            writeCells(c, cells, params);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void writeCells(Connection c, String cells, Object... params) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(cells); Writer write = new Writer(c)) {
            bind(read, params);
            read.setFetchSize(10_000);
            // the quarter and year cells of the current anchor, written when the anchor changes
            Map<Cell, RoaringBitmap[]> wider = new LinkedHashMap<>();
            Cell month = null;
            RoaringBitmap[] sets = null;
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    Cell cell = new Cell(r.getString(1), MONTH, r.getObject(2, LocalDate.class), r.getString(3),
                            r.getString(4), r.getString(5));
                    if (!cell.equals(month)) {
                        if (month != null) {
                            write.insert(month, sets);
                            if (!cell.anchor().equals(month.anchor())) {
                                for (Map.Entry<Cell, RoaringBitmap[]> w : wider.entrySet()) {
                                    write.insert(w.getKey(), w.getValue());
                                }
                                wider.clear();
                            }
                        }
                        month = cell;
                        sets = empty();
                    }
                    RoaringBitmap[] quarter = wider.computeIfAbsent(cell.quarter(), k -> empty());
                    RoaringBitmap[] year = wider.computeIfAbsent(cell.year(), k -> empty());
                    int person = r.getInt(6);
                    int trainingClass = r.getInt(7);
                    boolean inClass = !r.wasNull();
                    for (RoaringBitmap[] target : List.of(sets, quarter, year)) {
                        target[0].add(person);
                        if (inClass) {
                            target[1].add(trainingClass);
                        }
                    }
                }
            }
            if (month != null) {
                write.insert(month, sets);
            }
            for (Map.Entry<Cell, RoaringBitmap[]> w : wider.entrySet()) {
                write.insert(w.getKey(), w.getValue());
            }
        }
    }

    public static RoaringBitmap bitmap(byte[] bytes) {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("distinct_rollup holds a damaged bitmap", e);
        }
        return bitmap;
    }

    /** A stored bitmap read in place, without copying it into a RoaringBitmap: for unions that only read. */
    public static ImmutableRoaringBitmap view(byte[] bytes) {
        return new ImmutableRoaringBitmap(ByteBuffer.wrap(bytes));
    }

    static byte[] bytes(RoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(buffer);
        return buffer.array();
    }

    private static RoaringBitmap[] empty() {
        return new RoaringBitmap[] {new RoaringBitmap(), new RoaringBitmap()};
    }

    /** Inserts cells in batches. */
    private static final class Writer implements AutoCloseable {

        private static final int BATCH = 1000;

        private final PreparedStatement statement;
        private int pending;

        Writer(Connection c) throws SQLException {
            statement = c.prepareStatement("insert into distinct_rollup (" + KEY
                    + ", people, classes) values (?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void insert(Cell cell, RoaringBitmap[] sets) throws SQLException {
            Object[] key = cell.key();
            for (int i = 0; i < key.length; i++) {
                statement.setObject(i + 1, key[i]);
            }
            statement.setBytes(7, bytes(sets[0]));
            statement.setBytes(8, bytes(sets[1]));
            statement.addBatch();
            if (++pending == BATCH) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    statement.executeBatch();
                }
            } finally {
                statement.close();
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
