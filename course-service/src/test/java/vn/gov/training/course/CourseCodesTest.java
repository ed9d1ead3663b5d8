package vn.gov.training.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.training.course.domain.Levels;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.domain.StaffCategory;
import vn.gov.training.platform.vocabulary.CodeLists;

/** course-service's enums and level rules use the codes of the one list ({@link CodeLists}). */
class CourseCodesTest {

    @Test
    void theEnumsAreTheCodeLists() {
        assertEquals(CodeLists.PROGRAM_CATEGORIES.codes(), names(ProgramCategory.values()));
        assertEquals(CodeLists.STAFF_CATEGORIES.codes(), names(StaffCategory.values()));
    }

    @Test
    void everyCategorysLevelIsAListedLevel() {
        for (ProgramCategory category : ProgramCategory.values()) {
            assertTrue(CodeLists.allLevels().containsAll(Levels.forCategory(category)), category.name());
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
