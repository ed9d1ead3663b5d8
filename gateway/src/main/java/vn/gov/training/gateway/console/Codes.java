package vn.gov.training.gateway.console;

import java.util.List;

import io.quarkus.qute.TemplateGlobal;

/** The code lists the console's filters and forms offer (labels come from {@link Labels}). */
@TemplateGlobal
public final class Codes {

    static final List<String> staffCategories = List.of("CADRE", "CIVIL_SERVANT", "PUBLIC_EMPLOYEE");
    static final List<String> personStatuses = List.of("ACTIVE", "ON_LEAVE", "LEFT");
    static final List<String> genders = List.of("MALE", "FEMALE");
    static final List<String> programCategories = List.of("POLITICAL_THEORY", "STATE_MANAGEMENT", "LEADERSHIP",
            "TITLE_BASED", "KNOWLEDGE_UPDATE", "DEFENCE_SECURITY", "PROFESSIONAL", "DIGITAL_SKILLS", "FOREIGN_LANGUAGE");
    static final List<String> classStatuses = List.of("OPEN", "PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELLED");
    static final List<String> fundingSources = List.of("STATE_BUDGET", "UNIT", "SELF", "SPONSOR");
    static final List<String> grades = List.of("EXCELLENT", "GOOD", "FAIR", "AVERAGE");
    static final List<String> fits = List.of("FIT", "WARN", "MISFIT");
    static final List<String> attendance = List.of("PRESENT", "ABSENT", "EXCUSED");
    static final List<String> examKinds = List.of("ENTRY", "EXIT");
    /** personnel-service's QualificationKind and its levels (IT levels are named "Cơ bản", "Nâng cao" in context). */
    static final List<String> qualificationKinds = List.of("EDUCATION", "POLITICAL_THEORY", "STATE_MANAGEMENT",
            "DEFENCE_SECURITY", "FOREIGN_LANGUAGE", "IT", "LEADERSHIP");
    static final List<String> qualificationLevels = List.of("COLLEGE", "BACHELOR", "MASTER", "DOCTORATE",
            "ELEMENTARY", "INTERMEDIATE", "ADVANCED", "BACHELOR_OF_POLITICS", "SPECIALIST", "PRINCIPAL_SPECIALIST",
            "SENIOR_SPECIALIST", "GROUP_1", "GROUP_2", "GROUP_3", "GROUP_4", "A1", "A2", "B1", "B2", "C1", "C2", "BASIC",
            "DIVISION", "DEPARTMENT");
    static final List<String> leftReasons = List.of("RETIRED", "RESIGNED", "DISMISSED", "DECEASED", "TRANSFERRED_OUT");
    static final List<String> personFields = StaffPages.FIELDS;
    static final List<String> managementTiers = List.of("CENTRAL", "PROVINCIAL_STANDING_COMMITTEE",
            "DISTRICT_STANDING_COMMITTEE");

    private Codes() {
    }
}
