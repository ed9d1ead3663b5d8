package vn.gov.training.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reports name codes in Vietnamese: levels within their kind, titles, lists of titles. */
class LabelsTest {

    @Test
    void levelsAreNamedWithinTheirKind() {
        assertEquals("Cao cấp", Labels.level("POLITICAL_THEORY", "ADVANCED"));
        assertEquals("Nâng cao", Labels.level("IT", "ADVANCED"));
        assertEquals("Nâng cao", Labels.level("DIGITAL_SKILLS", "ADVANCED"));
        assertEquals("Cơ bản", Labels.level("DIGITAL_SKILLS", "BASIC"));
        assertEquals("Bậc 3 (B1)", Labels.level("FOREIGN_LANGUAGE", "B1"));
        assertEquals("Cấp phòng", Labels.level("LEADERSHIP", "DIVISION"));
    }

    @Test
    void titlesAndListsOfTitlesAreNamed() {
        assertEquals("Phó Giám đốc Sở", Labels.of("DEPARTMENT_DEPUTY_DIRECTOR"));
        assertEquals("Phó Giám đốc Sở, Trưởng phòng", Labels.list("DEPARTMENT_DEPUTY_DIRECTOR, DIVISION_HEAD"));
        assertEquals("", Labels.list(null));
    }
}
