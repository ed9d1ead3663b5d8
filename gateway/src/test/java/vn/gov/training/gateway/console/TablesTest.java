package vn.gov.training.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Numbers are written by their column's kind: a count stays a count whatever its key spells. */
class TablesTest {

    @Test
    void theAnnualReportsDoctorateColumnIsACountNotAPercentage() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", "Công chức - khác");
        row.put("cell:DOCTORATE", 3);
        row.put("cell:PT_INTERMEDIATE", 1250);
        row.put("total", 1253);
        row.put("totalSpendingVnd", 12_500_000);
        Tables.Table table = Tables.table("Chi tiết", List.of(row), Tables.Linker.NONE,
                Map.of("cell:DOCTORATE", "Tiến sĩ"));
        assertEquals(List.of("Đối tượng", "Tiến sĩ"), table.headings().subList(0, 2));
        List<String> texts = table.rows().get(0).stream().map(Tables.Cell::text).toList();
        assertEquals("3", texts.get(1));
        assertEquals(Formats.number(1250), texts.get(2));
        assertEquals(Formats.vnd(12_500_000), texts.get(4));
    }

    @Test
    void sharesMoneyAndYearsFollowTheirDeclaredKind() {
        assertEquals(Tables.Kind.COUNT, Tables.kind("cell:DOCTORATE"));
        assertEquals(Tables.Kind.COUNT, Tables.kind("generated"));
        assertEquals(Formats.number(75) + " %", Tables.text("metShare", 0.75));
        assertEquals(Formats.vnd(6_000_000), Tables.text("costVnd", 6_000_000));
        assertEquals("2026", Tables.text("year", 2026));
        assertEquals("0", Tables.text("cell:DOCTORATE", 0));
    }
}
