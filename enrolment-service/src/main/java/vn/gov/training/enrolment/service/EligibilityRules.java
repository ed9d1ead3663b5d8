package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.enrolment.domain.RuleSet;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The hard rules of a nomination, in the order a person would check them. The first one broken refuses the
 * nomination with its code (422). Postgraduate and overseas study also meet the rule set in force for the person's
 * staff category on the class start date.
 */
@ApplicationScoped
public class EligibilityRules {

    private static final Set<String> GOOD_RATINGS = Set.of("EXCELLENT", "GOOD");

    /**
     * @param historical recording a past enrolment (an admin back-filling records): class status and registration
     *                   window are not checked
     */
    /** The class takes nominations and requests today: OPEN, within its registration window. */
    public void checkOpen(ClassCopy cls, LocalDate today) {
        if (!"OPEN".equals(cls.status)) {
            throw Refusal.of("class-not-open", cls.code, cls.status);
        }
        if (cls.registrationOpensOn != null && today.isBefore(cls.registrationOpensOn)
                || cls.registrationClosesOn != null && today.isAfter(cls.registrationClosesOn)) {
            throw Refusal.of("registration-closed", cls.code, cls.registrationOpensOn, cls.registrationClosesOn);
        }
    }

    public void check(PersonCopy person, ClassCopy cls, boolean historical, LocalDate today) {
        check(person, cls, historical, today, () -> Enrolment.liveExists(person.personnelId, cls.classId));
    }

    /** @param alreadyEnrolled whether the person has a live enrolment in the class (asked only when it matters) */
    public void check(PersonCopy person, ClassCopy cls, boolean historical, LocalDate today,
                      BooleanSupplier alreadyEnrolled) {
        if (!person.isActive()) {
            throw Refusal.of("person-not-active", person.status);
        }
        if (!historical) {
            checkOpen(cls, today);
        } else if ("CANCELLED".equals(cls.status)) {
            throw Refusal.of("class-not-open", cls.code, cls.status);
        }
        if (alreadyEnrolled.getAsBoolean()) {
            throw Refusal.of("already-enrolled", cls.code);
        }
        Refs.Program program = cls.program;
        for (Refs.Level prerequisite : nullSafe(program.prerequisites())) {
            if (!Levels.holds(person, prerequisite.kind(), prerequisite.level())) {
                throw Refusal.of("prerequisite-missing", prerequisite.kind(), prerequisite.level())
                        .with("prerequisite", prerequisite);
            }
        }
        checkTargetGroup(person, program);
        if (cls.isPostgraduate() || cls.isOverseas()) {
            checkRuleSet(person, cls);
        }
    }

    private static void checkTargetGroup(PersonCopy person, Refs.Program program) {
        Refs.TargetGroups groups = program.targetGroups();
        if (groups != null) {
            mustBeIn("category", person.category, groups.categories());
            mustBeIn("rankCode", person.rankCode, groups.rankCodes());
            mustBeIn("managementTier", person.managementTier, groups.managementTiers());
        }
        mustBeIn("rankCode", person.rankCode, program.requiredRankCodes());
    }

    private static void mustBeIn(String field, String value, List<String> allowed) {
        if (allowed != null && !allowed.isEmpty() && (value == null || !allowed.contains(value))) {
            throw Refusal.of("target-group-mismatch", field, value == null ? "—" : value, String.join(", ", allowed))
                    .with("field", field);
        }
    }

    private static void checkRuleSet(PersonCopy person, ClassCopy cls) {
        LocalDate on = cls.startDate != null ? cls.startDate : ProvinceTime.today();
        RuleSet rules = RuleSet.inForce(person.category, on)
                .orElseThrow(() -> Refusal.of("rule-set-missing", person.category, on));
        int serviceYears = person.startedServiceOn == null ? 0 : Period.between(person.startedServiceOn, on).getYears();
        if (serviceYears < rules.minServiceYears) {
            throw Refusal.of("postgraduate-service-years", rules.minServiceYears, serviceYears, rules.code)
                    .with("ruleSet", rules.code);
        }
        if (cls.isPostgraduate() && person.dateOfBirth != null
                && Period.between(person.dateOfBirth, on).getYears() > rules.postgraduateMaxAge) {
            // the age itself is personal data: the message names the limit only
            throw Refusal.of("postgraduate-max-age", rules.postgraduateMaxAge, rules.code).with("ruleSet", rules.code);
        }
        int startYear = on.getYear();
        for (int year = startYear - 1; year >= startYear - rules.requiredGoodRatingYears; year--) {
            int wanted = year;
            boolean good = person.ratings.stream()
                    .anyMatch(r -> r.year() == wanted && GOOD_RATINGS.contains(r.rating()));
            if (!good) {
                throw Refusal.of("postgraduate-evaluation", rules.requiredGoodRatingYears, wanted, rules.code)
                        .with("ruleSet", rules.code);
            }
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Runs {@link #check} and returns the refusal instead of throwing it (for the dry run). */
    public ProblemException firstRefusal(PersonCopy person, ClassCopy cls, boolean historical, LocalDate today) {
        return firstRefusal(person, cls, historical, today,
                () -> Enrolment.liveExists(person.personnelId, cls.classId));
    }

    public ProblemException firstRefusal(PersonCopy person, ClassCopy cls, boolean historical, LocalDate today,
                                         BooleanSupplier alreadyEnrolled) {
        try {
            check(person, cls, historical, today, alreadyEnrolled);
            return null;
        } catch (ProblemException refusal) {
            return refusal;
        }
    }
}
