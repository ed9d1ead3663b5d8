package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The training rules for one staff category over a period (a decree): postgraduate conditions, commitment factor,
 * which training the commitment covers, yearly minimum of retraining.
 */
@Entity
@Table(name = "rule_set")
public class RuleSet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "staff_category", nullable = false)
    public String staffCategory;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "postgraduate_max_age", nullable = false)
    public int postgraduateMaxAge;

    @Column(name = "min_service_years", nullable = false)
    public int minServiceYears;

    @Column(name = "required_good_rating_years", nullable = false)
    public int requiredGoodRatingYears;

    @Column(name = "commitment_factor", nullable = false)
    public int commitmentFactor;

    @Column(name = "covered_min_training_months", nullable = false)
    public int coveredMinTrainingMonths;

    @Column(name = "yearly_minimum_periods", nullable = false)
    public int yearlyMinimumPeriods;

    /** The rule set in force for {@code category} on {@code date}. */
    public static Optional<RuleSet> inForce(String category, LocalDate date) {
        return find("staffCategory = ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo >= ?2) "
                + "order by effectiveFrom desc", category, date).firstResultOptional();
    }
}
