package vn.gov.training.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldRemovesCaseDiacriticsAndDStroke() {
        assertEquals("nguyen thi hong khang", VietnameseText.fold("Nguyễn Thị Hồng Khang"));
        assertEquals("dang van duc", VietnameseText.fold("Đặng Văn Đức"));
    }

    @Test
    void foldTreatsDecomposedAndComposedFormsAlike() {
        String decomposed = Normalizer.normalize("Hồng", Normalizer.Form.NFD);
        assertEquals(VietnameseText.fold("Hồng"), VietnameseText.fold(decomposed));
    }

    @Test
    void normalizeComposesAndCollapsesSpaces() {
        String decomposed = Normalizer.normalize("  Trần   Thị  Bé ", Normalizer.Form.NFD);
        assertEquals("Trần Thị Bé", VietnameseText.normalize(decomposed));
    }

    @Test
    void namesSortByGivenNameThenFamilyName() {
        List<String> names = new ArrayList<>(List.of("Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Bình", "Đỗ Thị Ánh"));
        names.sort(VietnameseText.nameOrder());
        assertEquals(List.of("Trần Thị An", "Đỗ Thị Ánh", "Lê Văn Bình", "Nguyễn Văn Bình"), names);
    }

    @Test
    void storedKeysSortByGivenNameThenFamilyNameTheVietnameseWay() {
        List<String> names = new ArrayList<>(List.of("Phạm Đức", "Nguyễn Văn Anh", "Trần Thị Ân", "Lê Văn An",
                "Lê An", "Hoàng Thị Án", "Vũ Dũng", "Ngô Văn Ăn", "nguyễn văn anh"));
        names.sort((a, b) -> Arrays.compareUnsigned(VietnameseText.nameSortKey(a), VietnameseText.nameSortKey(b)));
        assertEquals(List.of("Lê An", "Lê Văn An", "Hoàng Thị Án", "Nguyễn Văn Anh", "nguyễn văn anh", "Ngô Văn Ăn",
                "Trần Thị Ân", "Vũ Dũng", "Phạm Đức"), names);
        assertEquals(0, Arrays.compare(VietnameseText.nameSortKey("Nguyễn Văn Anh"),
                VietnameseText.nameSortKey(" nguyễn  văn ANH ")), "case and spacing do not matter");
    }
}
