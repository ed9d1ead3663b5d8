package vn.gov.training.enrolment.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.gov.training.enrolment.domain.RuleSet;

/** A rule set as the API shows it: the properties the entity had, by the same names and types. */
@Schema(name = "RuleSet")
public record RuleSetView(Long id, String code, String name, String staffCategory, LocalDate effectiveFrom,
                          LocalDate effectiveTo, int postgraduateMaxAge, int minServiceYears,
                          int requiredGoodRatingYears, int commitmentFactor, int coveredMinTrainingMonths,
                          int yearlyMinimumPeriods) {

    public static RuleSetView of(RuleSet r) {
        return new RuleSetView(r.id, r.code, r.name, r.staffCategory, r.effectiveFrom, r.effectiveTo,
                r.postgraduateMaxAge, r.minServiceYears, r.requiredGoodRatingYears, r.commitmentFactor,
                r.coveredMinTrainingMonths, r.yearlyMinimumPeriods);
    }
}
