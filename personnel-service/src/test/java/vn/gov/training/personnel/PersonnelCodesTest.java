package vn.gov.training.personnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.personnel.domain.StaffCategory;
import vn.gov.training.platform.vocabulary.CodeLists;

/**
 * personnel-service's enums use the codes of the one list ({@link CodeLists}); each kind keeps its own order of
 * levels (its rank rule), over the same codes.
 */
class PersonnelCodesTest {

    @Test
    void theEnumsAreTheCodeLists() {
        assertEquals(CodeLists.STAFF_CATEGORIES.codes(), names(StaffCategory.values()));
        assertEquals(CodeLists.QUALIFICATION_KINDS.codes(), names(QualificationKind.values()));
    }

    @Test
    void eachKindRanksTheListedLevelsOfItsKind() {
        for (QualificationKind kind : QualificationKind.values()) {
            assertEquals(Set.copyOf(CodeLists.levelsOf(kind.name()).codes()), Set.copyOf(kind.levels()), kind.name());
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
