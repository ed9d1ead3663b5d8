package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
        if (completedRecently(person, cls)) {
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

    private static boolean completedRecently(PersonCopy person, ClassCopy cls) {
        LocalDate start = cls.startDate != null ? cls.startDate : ProvinceTime.today();
        LocalDate since = start.minusYears(RECENT_YEARS);
        Refs.Program program = cls.program;
        return Enrolment.<Enrolment>list("personnelId = ?1 and status = ?2 and completedOn >= ?3",
                        person.personnelId, EnrolmentStatus.COMPLETED, since).stream()
                .anyMatch(e -> e.programId != null && e.programId.equals(program.programId())
                        || e.category != null && e.category.equals(program.category())
                        && e.level != null && e.level.equals(program.level()));
    }
}
