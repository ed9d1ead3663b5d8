package vn.gov.training.platform.vocabulary;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code lists of the services' APIs and events, once: staff categories, programme categories, qualification
 * kinds and their levels, statuses... Each service keeps its own rules over them (which levels a programme category
 * grants, how levels rank); the codes and their words ({@link Words}) are only here. CodeListsTest (deploy) checks
 * every enum of the event schemas and the words of {@code docs/vocabulary.properties} against these lists.
 */
public final class CodeLists {

    // personnel-service: people, their history, levels and ratings
    public static final CodeList STAFF_CATEGORIES = CodeList.labelled("staff categories",
            "CADRE", "CIVIL_SERVANT", "PUBLIC_EMPLOYEE");
    /** {@link #STAFF_CATEGORIES} as a regular expression, for validation annotations (which take constants only). */
    public static final String STAFF_CATEGORY_PATTERN = "CADRE|CIVIL_SERVANT|PUBLIC_EMPLOYEE";
    public static final CodeList GENDERS = CodeList.labelled("genders", "MALE", "FEMALE");
    public static final CodeList PERSON_STATUSES = CodeList.labelled("person statuses", "ACTIVE", "ON_LEAVE", "LEFT");
    public static final CodeList LEFT_REASONS = CodeList.prefixed("left reasons", "left.",
            "RETIRED", "RESIGNED", "DISMISSED", "DECEASED", "TRANSFERRED_OUT");
    public static final CodeList QUALIFICATION_SOURCES = CodeList.labelled("qualification sources",
            "MANUAL", "IMPORT", "ENROLMENT");
    public static final CodeList RATINGS = CodeList.prefixed("yearly ratings", "rating.",
            "EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED");
    public static final CodeList SUCCESSION_STATUSES = CodeList.labelled("succession plan statuses",
            "ACTIVE", "REMOVED", "APPOINTED");
    public static final CodeList MANAGEMENT_TIERS = CodeList.labelled("management tiers",
            "CENTRAL", "PROVINCIAL_STANDING_COMMITTEE", "DISTRICT_STANDING_COMMITTEE");
    /** The org-unit event's kinds; the console shows units by name, not by kind. */
    public static final CodeList ORG_UNIT_KINDS = CodeList.unlabelled("org-unit kinds",
            "PROVINCE", "DEPARTMENT", "DISTRICT", "COMMUNE", "PARTY_BODY", "SCHOOL", "OTHER");

    // qualification kinds and their levels (personnel-service's QualificationKind; docs/events.md)
    public static final CodeList QUALIFICATION_KINDS = CodeList.labelled("qualification kinds",
            "EDUCATION", "POLITICAL_THEORY", "STATE_MANAGEMENT", "DEFENCE_SECURITY", "FOREIGN_LANGUAGE", "IT",
            "LEADERSHIP", "OTHER");
    public static final CodeList EDUCATION_LEVELS = CodeList.labelled("education levels",
            "COLLEGE", "BACHELOR", "MASTER", "DOCTORATE");
    public static final CodeList POLITICAL_THEORY_LEVELS = CodeList.labelled("political theory levels",
            "ELEMENTARY", "INTERMEDIATE", "ADVANCED", "BACHELOR_OF_POLITICS");
    /** The state-management levels are the civil-service ranks (ngạch) they qualify for. */
    public static final CodeList STATE_MANAGEMENT_LEVELS = CodeList.labelled("state management levels",
            "SPECIALIST", "PRINCIPAL_SPECIALIST", "SENIOR_SPECIALIST");
    public static final CodeList DEFENCE_GROUPS = CodeList.labelled("defence and security groups",
            "GROUP_1", "GROUP_2", "GROUP_3", "GROUP_4");
    /** Listed levels; the kind takes other short codes too. */
    public static final CodeList FOREIGN_LANGUAGE_LEVELS = CodeList.labelled("foreign language levels",
            "A1", "A2", "B1", "B2", "C1", "C2");
    /** Listed levels; the kind takes other short codes too. */
    public static final CodeList IT_LEVELS = CodeList.labelled("IT levels", "BASIC", "ADVANCED");
    public static final CodeList LEADERSHIP_LEVELS = CodeList.labelled("leadership levels", "DIVISION", "DEPARTMENT");
    public static final CodeList OTHER_LEVELS = CodeList.labelled("other levels");

    private static final Map<String, CodeList> LEVELS_BY_KIND = Map.of(
            "EDUCATION", EDUCATION_LEVELS, "POLITICAL_THEORY", POLITICAL_THEORY_LEVELS,
            "STATE_MANAGEMENT", STATE_MANAGEMENT_LEVELS, "DEFENCE_SECURITY", DEFENCE_GROUPS,
            "FOREIGN_LANGUAGE", FOREIGN_LANGUAGE_LEVELS, "IT", IT_LEVELS, "LEADERSHIP", LEADERSHIP_LEVELS,
            "OTHER", OTHER_LEVELS);

    // course-service: programmes, classes, plans
    public static final CodeList PROGRAM_CATEGORIES = CodeList.labelled("programme categories",
            "POLITICAL_THEORY", "STATE_MANAGEMENT", "LEADERSHIP", "TITLE_BASED", "KNOWLEDGE_UPDATE",
            "DEFENCE_SECURITY", "PROFESSIONAL", "DIGITAL_SKILLS", "FOREIGN_LANGUAGE");
    public static final CodeList DELIVERY_MODES = CodeList.labelled("delivery modes",
            "CONCENTRATED", "PART_TIME", "WORKSHOP", "SEMINAR", "ONLINE");
    public static final CodeList CREDENTIALS = CodeList.labelled("credentials",
            "DIPLOMA", "CERTIFICATE", "ATTESTATION", "NONE");
    public static final CodeList PROGRAM_STATUSES = CodeList.labelled("programme statuses",
            "DRAFT", "PUBLISHED", "RETIRED");
    public static final CodeList LOCATIONS = CodeList.labelled("locations", "DOMESTIC", "OVERSEAS");
    public static final CodeList FUNDING_SOURCES = CodeList.labelled("funding sources",
            "STATE_BUDGET", "UNIT", "SELF", "SPONSOR");
    /** In the order the console offers them: the open classes first. */
    public static final CodeList CLASS_STATUSES = CodeList.labelled("class statuses",
            "OPEN", "PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELLED");
    public static final CodeList PLAN_STATUSES = CodeList.labelled("plan statuses", "DRAFT", "APPROVED");

    // enrolment-service: enrolments, exams, results, commitments, repayment
    public static final CodeList ENROLMENT_STATUSES = CodeList.labelled("enrolment statuses",
            "REQUESTED", "NOMINATED", "APPROVED", "WAITLISTED", "REJECTED", "WITHDRAWN", "IN_PROGRESS", "COMPLETED",
            "FAILED");
    public static final CodeList FIT_ASSESSMENTS = CodeList.labelled("fit assessments", "FIT", "WARN", "MISFIT");
    /** Stable codes of why a nomination is not a fit; enrolment-service words them in its own messages. */
    public static final CodeList FIT_REASONS = CodeList.unlabelled("fit reasons",
            "not-for-position-or-title", "already-holds-level", "completed-recently");
    public static final CodeList EXAM_KINDS = CodeList.labelled("exam kinds", "ENTRY", "EXIT");
    public static final CodeList GRADES = CodeList.labelled("grades", "EXCELLENT", "GOOD", "FAIR", "AVERAGE");
    public static final CodeList ATTENDANCE = CodeList.labelled("attendance", "PRESENT", "ABSENT", "EXCUSED");
    public static final CodeList COMMITMENT_STATUSES = CodeList.prefixed("commitment statuses", "commitment.",
            "ACTIVE", "FULFILLED", "BREACHED", "RELEASED");
    public static final CodeList REPAYMENT_STATUSES = CodeList.prefixed("repayment statuses", "repayment.",
            "OPEN", "DECIDED", "PAID", "WAIVED");

    public static final List<CodeList> ALL = List.of(STAFF_CATEGORIES, GENDERS, PERSON_STATUSES, LEFT_REASONS,
            QUALIFICATION_SOURCES, RATINGS, SUCCESSION_STATUSES, MANAGEMENT_TIERS, ORG_UNIT_KINDS,
            QUALIFICATION_KINDS, EDUCATION_LEVELS, POLITICAL_THEORY_LEVELS, STATE_MANAGEMENT_LEVELS, DEFENCE_GROUPS,
            FOREIGN_LANGUAGE_LEVELS, IT_LEVELS, LEADERSHIP_LEVELS, OTHER_LEVELS, PROGRAM_CATEGORIES, DELIVERY_MODES,
            CREDENTIALS, PROGRAM_STATUSES, LOCATIONS, FUNDING_SOURCES, CLASS_STATUSES, PLAN_STATUSES,
            ENROLMENT_STATUSES, FIT_ASSESSMENTS, FIT_REASONS, EXAM_KINDS, GRADES, ATTENDANCE, COMMITMENT_STATUSES,
            REPAYMENT_STATUSES);

    private CodeLists() {
    }

    /** The listed levels of a qualification kind (empty for OTHER and for an unknown kind). */
    public static CodeList levelsOf(String kind) {
        return LEVELS_BY_KIND.getOrDefault(kind, OTHER_LEVELS);
    }

    /** Every listed level of every qualification kind, in the order of the kinds, each once. */
    public static List<String> allLevels() {
        Set<String> all = new LinkedHashSet<>();
        QUALIFICATION_KINDS.codes().forEach(kind -> all.addAll(levelsOf(kind).codes()));
        return List.copyOf(all);
    }
}
