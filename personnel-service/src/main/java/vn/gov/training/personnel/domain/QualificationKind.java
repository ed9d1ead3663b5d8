package vn.gov.training.personnel.domain;

import java.util.List;

/**
 * The kinds of level a person holds, their levels from lowest to highest, and the programme category whose
 * courses grant them. FOREIGN_LANGUAGE and IT take free codes; the listed ones are ordered, others rank lowest.
 */
public enum QualificationKind {
    EDUCATION("PROFESSIONAL", List.of("COLLEGE", "BACHELOR", "MASTER", "DOCTORATE")),
    POLITICAL_THEORY("POLITICAL_THEORY", List.of("ELEMENTARY", "INTERMEDIATE", "ADVANCED", "BACHELOR_OF_POLITICS")),
    STATE_MANAGEMENT("STATE_MANAGEMENT", List.of("SPECIALIST", "PRINCIPAL_SPECIALIST", "SENIOR_SPECIALIST")),
    // group 1 is the top leaders' course; a higher group's course covers the lower groups' content
    DEFENCE_SECURITY("DEFENCE_SECURITY", List.of("GROUP_4", "GROUP_3", "GROUP_2", "GROUP_1")),
    FOREIGN_LANGUAGE("FOREIGN_LANGUAGE", List.of("A1", "A2", "B1", "B2", "C1", "C2")),
    IT("DIGITAL_SKILLS", List.of("BASIC", "ADVANCED")),
    LEADERSHIP("LEADERSHIP", List.of("DIVISION", "DEPARTMENT")),
    OTHER("PROFESSIONAL", List.of());

    private final String programCategory;
    private final List<String> levels;

    QualificationKind(String programCategory, List<String> levels) {
        this.programCategory = programCategory;
        this.levels = levels;
    }

    /** The programme category whose courses close a gap of this kind. */
    public String programCategory() {
        return programCategory;
    }

    /** The listed levels, lowest first (a free-coded kind accepts other codes too). */
    public List<String> levels() {
        return levels;
    }

    /** Whether {@code level} is a level of this kind; the free-coded kinds accept any code. */
    public boolean accepts(String level) {
        return level != null && (levels.contains(level) || isFreeCoded() && level.matches("[A-Z0-9_]{1,50}"));
    }

    public boolean isFreeCoded() {
        return this == FOREIGN_LANGUAGE || this == IT || this == OTHER;
    }

    /** Position of {@code level} in this kind's order; -1 for a free code outside it. */
    public int rank(String level) {
        return levels.indexOf(level);
    }

    /** True when {@code held} is at least {@code required}. */
    public boolean satisfies(String held, String required) {
        if (held == null) {
            return false;
        }
        if (held.equals(required)) {
            return true;
        }
        int need = rank(required);
        return need >= 0 && rank(held) >= need;
    }

    public static QualificationKind parse(String text) {
        try {
            return text == null ? null : valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
