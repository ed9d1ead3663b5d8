package vn.gov.training.gateway.console;

import java.util.List;

import io.quarkus.qute.TemplateGlobal;
import vn.gov.training.platform.vocabulary.CodeLists;

/** The code lists the console's filters and forms offer, from {@link CodeLists} (labels come from {@link Labels}). */
@TemplateGlobal
public final class Codes {

    static final List<String> staffCategories = CodeLists.STAFF_CATEGORIES.codes();
    static final List<String> personStatuses = CodeLists.PERSON_STATUSES.codes();
    static final List<String> genders = CodeLists.GENDERS.codes();
    static final List<String> programCategories = CodeLists.PROGRAM_CATEGORIES.codes();
    static final List<String> classStatuses = CodeLists.CLASS_STATUSES.codes();
    static final List<String> fundingSources = CodeLists.FUNDING_SOURCES.codes();
    static final List<String> grades = CodeLists.GRADES.codes();
    static final List<String> fits = CodeLists.FIT_ASSESSMENTS.codes();
    static final List<String> attendance = CodeLists.ATTENDANCE.codes();
    static final List<String> examKinds = CodeLists.EXAM_KINDS.codes();
    /** personnel-service's qualification kinds but OTHER, which the console does not offer. */
    static final List<String> qualificationKinds = CodeLists.QUALIFICATION_KINDS.codes().stream()
            .filter(kind -> !kind.equals("OTHER")).toList();
    /** Every kind's levels (IT levels are named "Cơ bản", "Nâng cao" in context). */
    static final List<String> qualificationLevels = CodeLists.allLevels();
    static final List<String> leftReasons = CodeLists.LEFT_REASONS.codes();
    static final List<String> personFields = StaffPages.FIELDS;
    static final List<String> managementTiers = CodeLists.MANAGEMENT_TIERS.codes();

    private Codes() {
    }
}
