package vn.gov.training.course.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.gov.training.platform.vocabulary.CodeLists;

/**
 * Which levels mean something for a programme category, and which levels exist for each of personnel-service's
 * qualification kinds ({@link CodeLists}). Kinds whose levels are free codes (foreign language, IT, other) accept
 * any short upper-case code such as B1 or BASIC.
 */
public final class Levels {

    private static final List<String> GROUPS = CodeLists.DEFENCE_GROUPS.codes();
    private static final Pattern FREE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,39}");

    /** Levels per category; a category missing here takes no level at all. */
    private static final Map<ProgramCategory, List<String>> BY_CATEGORY = new EnumMap<>(Map.of(
            ProgramCategory.POLITICAL_THEORY, List.of("ELEMENTARY", "INTERMEDIATE", "ADVANCED"),
            ProgramCategory.STATE_MANAGEMENT, List.of("SPECIALIST", "PRINCIPAL_SPECIALIST", "SENIOR_SPECIALIST"),
            ProgramCategory.LEADERSHIP, List.of("DIVISION", "DEPARTMENT"),
            ProgramCategory.DEFENCE_SECURITY, GROUPS,
            ProgramCategory.KNOWLEDGE_UPDATE, GROUPS,
            ProgramCategory.PROFESSIONAL, List.of("BACHELOR", "MASTER", "DOCTORATE"),
            ProgramCategory.DIGITAL_SKILLS, List.of("BASIC", "ADVANCED"),
            ProgramCategory.FOREIGN_LANGUAGE, List.of("A1", "A2", "B1", "B2", "C1", "C2")));

    /** Categories whose programmes must name a level. */
    private static final Set<ProgramCategory> LEVEL_REQUIRED = Set.of(ProgramCategory.POLITICAL_THEORY,
            ProgramCategory.STATE_MANAGEMENT, ProgramCategory.LEADERSHIP, ProgramCategory.DEFENCE_SECURITY,
            ProgramCategory.KNOWLEDGE_UPDATE);

    private static final Set<String> FREE_KINDS = Set.of("FOREIGN_LANGUAGE", "IT", "OTHER");

    private Levels() {
    }

    public static List<String> forCategory(ProgramCategory category) {
        return BY_CATEGORY.getOrDefault(category, List.of());
    }

    public static boolean isRequired(ProgramCategory category) {
        return LEVEL_REQUIRED.contains(category);
    }

    public static boolean isValid(ProgramCategory category, String level) {
        return level == null ? !isRequired(category) : forCategory(category).contains(level);
    }

    public static Set<String> qualificationKinds() {
        return Set.copyOf(CodeLists.QUALIFICATION_KINDS.codes());
    }

    public static boolean isQualificationKind(String kind) {
        return kind != null && qualificationKinds().contains(kind);
    }

    /** Levels of a fixed-level qualification kind; empty for kinds with free codes. */
    public static List<String> forQualificationKind(String kind) {
        return FREE_KINDS.contains(kind) ? List.of() : CodeLists.levelsOf(kind).codes();
    }

    public static boolean isValidQualification(String kind, String level) {
        if (!isQualificationKind(kind) || level == null) {
            return false;
        }
        return FREE_KINDS.contains(kind) ? FREE_CODE.matcher(level).matches()
                : forQualificationKind(kind).contains(level);
    }

    public static boolean isDefenceGroup(String group) {
        return GROUPS.contains(group);
    }
}
