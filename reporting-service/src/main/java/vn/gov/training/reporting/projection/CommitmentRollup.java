package vn.gov.training.reporting.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps commitment_rollup and repayment_rollup: the commitments (and their cost) and the repayment cases (and their
 * amount) per unit, staff category and status, as the commitments report counts them, so it reads a few rows per unit
 * instead of every commitment and case. Every statement that writes a commitment or a repayment goes through
 * {@link #change}, which subtracts the rows as they were and adds them as they are, in one statement. The writers hold
 * the person's lock (PersonLocks), so no other transaction changes those rows meanwhile.
 */
@ApplicationScoped
public class CommitmentRollup {

    /** A table of the report and its roll-up: rows (alias c) counted by unit, staff category and status. */
    public record Counted(String table, String amount, String rollup) {

        private static final String KEY = "unit_code, staff_category, status";

        /** What the roll-up holds: the rows counted, with their amounts. */
        public String summed() {
            return "select coalesce(unit_code, ''), coalesce(staff_category, ''), coalesce(status, ''), count(*),"
                    + " coalesce(sum(" + amount + "), 0) from " + table + " group by 1, 2, 3";
        }

        String upsert(String rows) {
            return Sql.adding(rollup, KEY, "items", "amount_vnd").formatted(rows);
        }
    }

    public static final Counted COMMITMENTS = new Counted("commitment", "cost_vnd", "commitment_rollup");
    public static final Counted REPAYMENTS = new Counted("repayment", "amount_vnd", "repayment_rollup");

    /** Fills empty roll-ups (for the benchmark). */
    public static final List<String> FILL = List.of(COMMITMENTS.upsert(COMMITMENTS.summed()),
            REPAYMENTS.upsert(REPAYMENTS.summed()));

    private final Sql sql;

    CommitmentRollup(Sql sql) {
        this.sql = sql;
    }

    /**
     * Runs {@code change}, an insert or update of {@code counted.table()} (alias c for an update) that touches only
     * rows {@code rows} selects, and moves their counts in the roll-up from where they were to where they are.
     */
    void change(Counted counted, String rows, List<Object> rowsParams, String change, Object... changeParams) {
        String columns = "c.unit_code, c.staff_category, c.status, coalesce(c." + counted.amount() + ", 0) amount";
        List<Object> params = new ArrayList<>(rowsParams);
        params.addAll(Arrays.asList(changeParams));
        sql.update("with before as (select " + columns + " from " + counted.table() + " c where " + rows + "),"
                + " after as (" + change + " returning " + columns + ") "
                + counted.upsert("select coalesce(unit_code, ''), coalesce(staff_category, ''), coalesce(status, ''),"
                + " sum(n), sum(n * amount) from (select *, -1 n from before union all select *, 1 from after) x"
                + " group by 1, 2, 3 having sum(n) <> 0 or sum(n * amount) <> 0"), params.toArray());
    }
}
