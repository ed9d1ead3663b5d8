package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.RuleSet;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;

/**
 * The training rules as data, effective-dated per staff category. A new rule set for a category closes the one in
 * force the day before it starts (rules change by decree; the old ones keep applying to past dates).
 */
@ApplicationScoped
public class RuleSetService {

    private final AuditTrail audit;

    RuleSetService(AuditTrail audit) {
        this.audit = audit;
    }

    /** The parameters of a new rule set. */
    public record NewRuleSet(String code, String name, String staffCategory, LocalDate effectiveFrom,
                             int postgraduateMaxAge, int minServiceYears, int requiredGoodRatingYears,
                             int commitmentFactor, int coveredMinTrainingMonths, int yearlyMinimumPeriods) {
    }

    /** Rule sets, optionally of one category and only the one in force on {@code on}. */
    public List<RuleSet> list(String category, LocalDate on) {
        if (category != null && on != null) {
            return RuleSet.inForce(category, on).map(List::of).orElse(List.of());
        }
        if (category != null) {
            return RuleSet.list("staffCategory = ?1 order by effectiveFrom", category);
        }
        return RuleSet.list("order by staffCategory, effectiveFrom");
    }

    public RuleSet get(Long id) {
        RuleSet rules = RuleSet.findById(id);
        if (rules == null) {
            throw ProblemException.notFound("rule-set-not-found", id);
        }
        return rules;
    }

    /**
     * Adds a rule set from its first day: refused (409 {@code rule-set-overlap}) when one of the category starts on
     * or after that day; the one in force is closed the day before. {@code request} is what the audit records.
     */
    @Transactional
    public RuleSet create(NewRuleSet n, Object request) {
        List<RuleSet> later = RuleSet.list("staffCategory = ?1 and effectiveFrom >= ?2", n.staffCategory(),
                n.effectiveFrom());
        if (!later.isEmpty()) {
            throw ProblemException.conflict("rule-set-overlap", n.staffCategory(), later.get(0).effectiveFrom);
        }
        RuleSet.<RuleSet>list("staffCategory = ?1 and (effectiveTo is null or effectiveTo >= ?2)",
                n.staffCategory(), n.effectiveFrom()).forEach(previous -> {
                    previous.effectiveTo = n.effectiveFrom().minusDays(1);
                    audit.record("rule-set", previous.id, "closed", null, previous.effectiveTo);
                });
        RuleSet rules = new RuleSet();
        rules.code = n.code();
        rules.name = n.name();
        rules.staffCategory = n.staffCategory();
        rules.effectiveFrom = n.effectiveFrom();
        rules.postgraduateMaxAge = n.postgraduateMaxAge();
        rules.minServiceYears = n.minServiceYears();
        rules.requiredGoodRatingYears = n.requiredGoodRatingYears();
        rules.commitmentFactor = n.commitmentFactor();
        rules.coveredMinTrainingMonths = n.coveredMinTrainingMonths();
        rules.yearlyMinimumPeriods = n.yearlyMinimumPeriods();
        rules.persist();
        audit.record("rule-set", rules.id, "created", null, request);
        return rules;
    }
}
