package vn.gov.training.reporting.projection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Keeps distinct_rollup: per anchor (as in training_rollup), month, quarter and calendar year, staff category,
 * category and level, the people and the classes with a training turn there, as bitmaps of their id_number. Distinct counts cannot
 * be added up, but bitmaps can be united: the training summary of a wide scope unites the cells of its anchors and
 * counts, instead of deduplicating every turn of the period.
 * <p>
 * The deltas come with training_rollup's (TrainingRollup.add): a turn put in sets its person and class in its month,
 * its quarter and its year; a turn taken out clears them, unless another turn of the same person (or class) stays in that cell.
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

    /** Called by TrainingRollup.add with the same sign, after the enrolment's unit has its anchor. */
    void add(UUID enrolmentId, int sign) {
        List<Object[]> rows = sql.rows("select m.anchor_code, date_trunc('month', f.start_date)::date,"
                + " f.staff_category, f.category, f.level, f.personnel_id, f.class_id"
                + " from enrolment f join rollup_unit m on m.unit_code = f.unit_code"
                + " where f.enrolment_id = ? and f.start_date is not null and f." + TrainingTurn.TURN, enrolmentId);
        if (rows.isEmpty()) {
            return;
        }
        Object[] t = rows.get(0);
        Cell month = new Cell((String) t[0], MONTH, (LocalDate) t[1], (String) t[2], (String) t[3], (String) t[4]);
        UUID person = (UUID) t[5];
        UUID trainingClass = (UUID) t[6];
        int personNumber = number(person);
        Integer classNumber = trainingClass == null ? null : number(trainingClass);
        for (Cell cell : List.of(month, month.quarter(), month.year())) {
            RoaringBitmap[] sets = load(cell);
            if (sign > 0) {
                sets[0].add(personNumber);
                if (classNumber != null) {
                    sets[1].add(classNumber);
                }
            } else {
                if (!otherTurnIn(cell, enrolmentId, "personnel_id", person)) {
                    sets[0].remove(personNumber);
                }
                if (classNumber != null && !otherTurnIn(cell, enrolmentId, "class_id", trainingClass)) {
                    sets[1].remove(classNumber);
                }
            }
            store(cell, sets);
        }
    }

    /**
     * After {@code units} moved to another anchor (rollup_unit already says so): the cells of {@code anchors} (old
     * and new) in every year the units had turns are computed again from the enrolments.
     */
    void recount(Collection<String> units, Collection<String> anchors) {
        List<String> years = sql.rows("select distinct date_trunc('year', start_date)::date from enrolment"
                        + " where unit_code = any(?) and start_date is not null and " + TrainingTurn.TURN,
                        Sql.texts(units)).stream()
                .map(r -> r[0].toString()).toList();
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
     * cells at a time. Used by {@link #recount}, migration V5 and the benchmark.
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

    /** The small number of a person or class, given one the first time it is seen. */
    private int number(UUID id) {
        Object number = sql.value("select number from id_number where id = ?", id);
        if (number == null) {
            number = sql.value("insert into id_number (id) values (?) on conflict (id) do nothing returning number", id);
        }
        return ((Number) Objects.requireNonNull(number, "id_number")).intValue();
    }

    private RoaringBitmap[] load(Cell cell) {
        List<Object[]> rows = sql.rows("select people, classes from distinct_rollup where (" + KEY
                + ") = (?, ?, ?, ?, ?, ?) for update", cell.key());
        return rows.isEmpty() ? empty()
                : new RoaringBitmap[] {bitmap((byte[]) rows.get(0)[0]), bitmap((byte[]) rows.get(0)[1])};
    }

    private void store(Cell cell, RoaringBitmap[] sets) {
        if (sets[0].isEmpty() && sets[1].isEmpty()) {
            sql.update("delete from distinct_rollup where (" + KEY + ") = (?, ?, ?, ?, ?, ?)", cell.key());
            return;
        }
        Object[] key = cell.key();
        sql.update("insert into distinct_rollup (" + KEY + ", people, classes) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (" + KEY + ") do update set people = excluded.people,"
                        + " classes = excluded.classes",
                key[0], key[1], key[2], key[3], key[4], key[5], bytes(sets[0]), bytes(sets[1]));
    }

    /** Whether another training turn than {@code enrolmentId} with the same person (or class) falls in the cell. */
    private boolean otherTurnIn(Cell cell, UUID enrolmentId, String column, UUID id) {
        return Boolean.TRUE.equals(sql.value("select exists (select 1 from enrolment g"
                        + " join rollup_unit m on m.unit_code = g.unit_code where g." + column + " = ?"
                        + " and g.enrolment_id <> ? and m.anchor_code = ? and g.staff_category = ? and g.category = ?"
                        + " and g.level = ? and g.start_date >= ? and g.start_date < ? and g." + TrainingTurn.TURN + ")",
                id, enrolmentId, cell.anchor(), cell.staffCategory(), cell.category(), cell.level(), cell.start(),
                cell.end()));
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
