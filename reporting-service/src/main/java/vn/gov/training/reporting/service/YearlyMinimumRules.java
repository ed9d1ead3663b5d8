package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.reporting.projection.Sql;

/**
 * The yearly minimum of retraining as data: for each staff category, how many periods a year, from which date to
 * which, on what legal basis. A new rule for a category ends the one in force before it. Only retraining (bồi
 * dưỡng) periods count towards it, never degree training (see projection/TrainingTurn#retraining).
 */
@ApplicationScoped
public class YearlyMinimumRules {

    public record Rule(long id, String staffCategory, int minimumPeriods, LocalDate effectiveFrom,
                       LocalDate effectiveTo, String legalBasis) {
    }

    private static final String COLUMNS =
            "id, staff_category, minimum_periods, effective_from, effective_to, legal_basis";

    private final Sql sql;

    YearlyMinimumRules(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    public List<Rule> all() {
        return sql.rows("select " + COLUMNS + " from public.yearly_minimum_rule order by staff_category,"
                + " effective_from").stream().map(YearlyMinimumRules::rule).toList();
    }

    /**
     * The rules of a year, one per staff category at most; {@code staffCategory} null for all. A year is held to the
     * rules in force on its last day.
     */
    public List<Rule> ofYear(int year, String staffCategory) {
        return sql.rows("select " + COLUMNS + " from public.yearly_minimum_rule r where " + inForce("r", year)
                        + " and (cast(? as varchar) is null or staff_category = ?) order by staff_category",
                staffCategory, staffCategory)
                .stream().map(YearlyMinimumRules::rule).toList();
    }

    /** SQL: joins {@code r}, the rule of the year ({@link #ofYear}) for the staff category in {@code categoryColumn}. */
    public static String joinOfYear(String categoryColumn, int year) {
        return " join public.yearly_minimum_rule r on r.staff_category = " + categoryColumn + " and "
                + inForce("r", year);
    }

    /** SQL: rule {@code r} is in force on the year's last day (a new rule ends the one before it on its first day). */
    private static String inForce(String r, int year) {
        String day = "date '" + LocalDate.of(year, 12, 31) + "'";
        return r + ".effective_from <= " + day + " and (" + r + ".effective_to is null or " + r + ".effective_to > "
                + day + ")";
    }

    /** Adds a rule that takes over from the category's latest one on its effective date. */
    @Transactional
    public Rule add(String staffCategory, int minimumPeriods, LocalDate effectiveFrom, String legalBasis) {
        sql.rows("select pg_advisory_xact_lock(7310004)");
        Object latest = sql.value("select max(effective_from) from public.yearly_minimum_rule"
                + " where staff_category = ?", staffCategory);
        if (latest != null && !effectiveFrom.isAfter((LocalDate) latest)) {
            throw ProblemException.conflict("yearly-minimum-rule-not-latest", latest);
        }
        sql.update("update public.yearly_minimum_rule set effective_to = ? where staff_category = ?"
                + " and effective_to is null", effectiveFrom, staffCategory);
        Object id = sql.value("insert into public.yearly_minimum_rule (staff_category, minimum_periods,"
                + " effective_from, legal_basis) values (?, ?, ?, ?) returning id", staffCategory, minimumPeriods,
                effectiveFrom, legalBasis);
        return new Rule(((Number) id).longValue(), staffCategory, minimumPeriods, effectiveFrom, null, legalBasis);
    }

    private static Rule rule(Object[] r) {
        return new Rule(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), (LocalDate) r[3],
                (LocalDate) r[4], (String) r[5]);
    }
}
