package vn.gov.training.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reports name codes in Vietnamese (the one vocabulary): levels within their kind, titles, lists of titles. */
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
    void theExcelFilesUseTheWordsOfTheConsole() {
        // docs/vocabulary.properties: the console's Labels read the same file
        assertEquals("Cần xem xét", Labels.of("WARN"));
        assertEquals("Thôi học", Labels.of("WITHDRAWN"));
        assertEquals("Chấm dứt, không phải đền bù", Labels.heading("released"));
        assertEquals("Kinh phí đang cam kết (đồng)", Labels.vndHeading("openCostVnd"));
        assertEquals("Tập huấn", Labels.of("WORKSHOP"));
    }

    @Test
    void titlesAndListsOfTitlesAreNamed() {
        assertEquals("Phó Giám đốc Sở", Labels.of("DEPARTMENT_DEPUTY_DIRECTOR"));
        assertEquals("Phó Giám đốc Sở, Trưởng phòng", Labels.list("DEPARTMENT_DEPUTY_DIRECTOR, DIVISION_HEAD"));
        assertEquals("", Labels.list(null));
    }
}
