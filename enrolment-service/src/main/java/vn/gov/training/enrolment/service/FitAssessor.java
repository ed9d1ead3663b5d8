package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.FitAssessment;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Whether the training fits the person — the province's stated problem. MISFIT: the programme serves none of the
 * person's job position, title or planned titles; or the person already holds the level it grants. WARN: the
 * same programme, or the same category and level, was completed within the last three years.
 */
@ApplicationScoped
public class FitAssessor {

    public static final int RECENT_YEARS = 3;

    public record Fit(FitAssessment assessment, List<String> reasons) {
    }

    public Fit assess(PersonCopy person, ClassCopy cls) {
        return assess(person, cls, completedRecently(List.of(person.personnelId), cls).contains(person.personnelId));
    }

    /**
     * As {@link #assess(PersonCopy, ClassCopy)} for many people and one class (the dry run for many): their recent
     * completions are read with one query, not one per person.
     */
    public Map<UUID, Fit> assessAll(Collection<PersonCopy> people, ClassCopy cls) {
        Set<UUID> recent = completedRecently(people.stream().map(p -> p.personnelId).toList(), cls);
        Map<UUID, Fit> fits = new HashMap<>();
        people.forEach(p -> fits.put(p.personnelId, assess(p, cls, recent.contains(p.personnelId))));
        return fits;
    }

    private Fit assess(PersonCopy person, ClassCopy cls, boolean completedRecently) {
        List<String> misfits = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Refs.Program program = cls.program;
        if (!servesPositionOrTitle(person, program.targetGroups())) {
            misfits.add("not-for-position-or-title");
        }
        Refs.Level grants = program.grantsLevel();
        if (grants != null && grants.kind() != null && Levels.holds(person, grants.kind(), grants.level())) {
            misfits.add("already-holds-level");
        }
        if (completedRecently) {
            warnings.add("completed-recently");
        }
        List<String> reasons = new ArrayList<>(misfits);
        reasons.addAll(warnings);
        FitAssessment assessment = !misfits.isEmpty() ? FitAssessment.MISFIT
                : !warnings.isEmpty() ? FitAssessment.WARN : FitAssessment.FIT;
        return new Fit(assessment, reasons);
    }

    /** A programme that names no job positions or titles serves everyone in its target group. */
    private static boolean servesPositionOrTitle(PersonCopy person, Refs.TargetGroups groups) {
        if (groups == null) {
            return true;
        }
        List<String> positions = groups.jobPositionCodes() == null ? List.of() : groups.jobPositionCodes();
        List<String> titles = groups.titleCodes() == null ? List.of() : groups.titleCodes();
        if (positions.isEmpty() && titles.isEmpty()) {
            return true;
        }
        if (person.jobPositionCode != null && positions.contains(person.jobPositionCode)) {
            return true;
        }
        if (person.titleCode != null && titles.contains(person.titleCode)) {
            return true;
        }
        return person.plannedTitles.stream()
                .anyMatch(p -> !"REMOVED".equals(p.status()) && p.titleCode() != null && titles.contains(p.titleCode()));
    }

    /**
     * Those of {@code people} who completed the class's programme, or its category and level, within
     * {@link #RECENT_YEARS} before the class starts (before today when it has no start).
     */
    private static Set<UUID> completedRecently(List<UUID> people, ClassCopy cls) {
        Set<UUID> recent = new HashSet<>();
        if (people.isEmpty()) {
            return recent;
        }
        LocalDate start = cls.startDate != null ? cls.startDate : ProvinceTime.today();
        Refs.Program program = cls.program;
        for (Object[] e : Enrolment.getEntityManager().createQuery("""
                        select e.personnelId, e.programId, e.category, e.level from Enrolment e
                        where e.personnelId in ?1 and e.status = ?2 and e.completedOn >= ?3""", Object[].class)
                .setParameter(1, people).setParameter(2, EnrolmentStatus.COMPLETED)
                .setParameter(3, start.minusYears(RECENT_YEARS)).getResultList()) {
            if (e[1] != null && e[1].equals(program.programId())
                    || e[2] != null && e[2].equals(program.category()) && e[3] != null && e[3].equals(program.level())) {
                recent.add((UUID) e[0]);
            }
        }
        return recent;
    }
}
