package vn.gov.training.reporting.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.reporting.projection.Row;
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
        return sql.list("select " + COLUMNS + " from public.yearly_minimum_rule order by staff_category,"
                + " effective_from", YearlyMinimumRules::rule);
    }

    /**
     * The rules of a year, one per staff category at most; {@code staffCategory} null for all. A year is held to the
     * rules in force on its last day.
     */
    public List<Rule> ofYear(int year, String staffCategory) {
        return sql.list("select " + COLUMNS + " from public.yearly_minimum_rule r where " + inForce("r", year)
                        + " and (cast(? as varchar) is null or staff_category = ?) order by staff_category",
                YearlyMinimumRules::rule, staffCategory, staffCategory);
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
        sql.execute("select pg_advisory_xact_lock(7310004)");
        LocalDate latest = sql.first("select max(effective_from) from public.yearly_minimum_rule"
                + " where staff_category = ?", r -> r.date(1), staffCategory).orElse(null);
        if (latest != null && !effectiveFrom.isAfter(latest)) {
            throw ProblemException.conflict("yearly-minimum-rule-not-latest", latest);
        }
        sql.update("update public.yearly_minimum_rule set effective_to = ? where staff_category = ?"
                + " and effective_to is null", effectiveFrom, staffCategory);
        long id = sql.longValue("insert into public.yearly_minimum_rule (staff_category, minimum_periods,"
                + " effective_from, legal_basis) values (?, ?, ?, ?) returning id", staffCategory, minimumPeriods,
                effectiveFrom, legalBasis);
        return new Rule(id, staffCategory, minimumPeriods, effectiveFrom, null, legalBasis);
    }

    private static Rule rule(Row r) throws SQLException {
        return new Rule(r.longValue("id"), r.string("staff_category"), r.intValue("minimum_periods"),
                r.date("effective_from"), r.date("effective_to"), r.string("legal_basis"));
    }
}
