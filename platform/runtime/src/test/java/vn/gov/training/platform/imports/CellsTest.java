package vn.gov.training.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CellsTest {

    private static final TabularFile.Columns COLUMNS = TabularFile.Columns.of(Map.of("Ngày sinh", "dateOfBirth"),
            List.of());

    private static TabularFile.Row row(String cell) {
        return new TabularFile.Row(2, COLUMNS, new String[] {cell});
    }

    @Test
    void readsVietnameseAndIsoDates() {
        List<CellError> errors = new ArrayList<>();
        assertEquals(LocalDate.of(1985, 4, 12), Cells.date(row("12/04/1985"), "dateOfBirth", errors));
        assertEquals(LocalDate.of(1985, 4, 2), Cells.date(row("2/4/1985"), "dateOfBirth", errors));
        assertEquals(LocalDate.of(1985, 4, 12), Cells.date(row("1985-04-12"), "dateOfBirth", errors));
        assertEquals(List.of(), errors);
    }

    @Test
    void anEmptyCellIsNullWithoutError() {
        List<CellError> errors = new ArrayList<>();
        assertNull(Cells.date(row(null), "dateOfBirth", errors));
        assertEquals(List.of(), errors);
    }

    @Test
    void anUnreadableOrNonexistentDateIsAnErrorOfItsField() {
        List<CellError> errors = new ArrayList<>();
        assertNull(Cells.date(row("31/02/2020"), "dateOfBirth", errors));
        assertNull(Cells.date(row("12.04.1985"), "dateOfBirth", errors));
        assertEquals(List.of(new CellError("dateOfBirth", "date-format", "31/02/2020"),
                new CellError("dateOfBirth", "date-format", "12.04.1985")), errors);
    }
}
