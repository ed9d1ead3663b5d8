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
    static final List<String> personFields = StaffPages.FIELDS;
    static final List<String> managementTiers = List.of("CENTRAL", "PROVINCIAL_STANDING_COMMITTEE",
            "DISTRICT_STANDING_COMMITTEE");

    private Codes() {
    }
}
