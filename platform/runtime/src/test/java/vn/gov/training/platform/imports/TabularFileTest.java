package vn.gov.training.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The import file reader: what a user's CSV or workbook becomes, row numbers as the user sees them. */
class TabularFileTest {

    private static final TabularFile.Columns COLUMNS = TabularFile.Columns.of(columns(), List.of("Số định danh cá nhân",
                    "Họ và tên"))
            .withLeadingZero("nationalId", 12).withLeadingZero("phone", 10).unique("nationalId");

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("Số định danh cá nhân", "nationalId");
        c.put("Họ và tên", "fullName");
        c.put("Điện thoại", "phone");
        return c;
    }

    private static List<TabularFile.Row> csv(String text) {
        return TabularFile.read(text.getBytes(StandardCharsets.UTF_8), COLUMNS);
    }

    @Test
    void csvRowsKeepTheirNumbersInTheFileQuotedCellsAndHeadingsMatchedWithoutDiacritics() {
        List<TabularFile.Row> rows = csv("\uFEFFso dinh danh ca nhan,HỌ VÀ TÊN,Cột lạ,Điện thoại\r\n"
                + "093185012345,\"Nguyễn Văn \"\"Một\"\", Hai\",x,0901000001\r\n"
                + "\n"
                + "093185012346, \"Trần Thị Ba\" ,,\n"
                + "093185012347,\"Lê\nBốn\"\n"
                + "093185012348,Năm");
        assertEquals(List.of(2, 4, 5, 6), rows.stream().map(TabularFile.Row::number).toList());
        assertEquals("Nguyễn Văn \"Một\", Hai", rows.get(0).cell("fullName"));
        assertEquals("0901000001", rows.get(0).cell("phone"));
        assertEquals("Trần Thị Ba", rows.get(1).cell("fullName"));
        assertNull(rows.get(1).cell("phone"));
        assertEquals("Lê\nBốn", rows.get(2).cell("fullName"));
        assertEquals("Năm", rows.get(3).cell("fullName"));
        assertNull(rows.get(0).cell("unknown"));
    }

    @Test
    void aSemicolonFileIsReadAndMissingRequiredHeadingsAreNamed() {
        List<TabularFile.Row> rows = csv("Số định danh cá nhân;Họ và tên\n093185012345;Nguyễn, Văn Một\n");
        assertEquals("Nguyễn, Văn Một", rows.get(0).cell("fullName"));
        assertEquals(List.of(), TabularFile.missingHeadings("Số định danh cá nhân,Họ và tên\n".getBytes(
                StandardCharsets.UTF_8), COLUMNS));
        assertEquals(List.of("Họ và tên"), TabularFile.missingHeadings("Số định danh cá nhân,Ngày sinh\n".getBytes(
                StandardCharsets.UTF_8), COLUMNS));
    }

    @Test
    void numberCellsOfAWorkbookKeepAllTheirDigitsAndGetBackTheLeadingZero() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("Số định danh cá nhân");
            heading.createCell(1).setCellValue("Họ và tên");
            heading.createCell(2).setCellValue("Điện thoại");
            Row row = sheet.createRow(2); // row 2 left empty
            row.createCell(0).setCellValue(93185012345d);
            row.createCell(1).setCellValue("Tạ Thị Số");
            row.createCell(2).setCellValue(912345679d);
            workbook.write(out);
            List<TabularFile.Row> rows = TabularFile.read(out.toByteArray(), COLUMNS);
            assertEquals(1, rows.size());
            assertEquals(3, rows.get(0).number());
            assertEquals(Arrays.asList("093185012345", "Tạ Thị Số", "0912345679"),
                    Arrays.asList(rows.get(0).values()));
        }
    }

    @Test
    void aWorkbookIsReadFromItsFirstSheetWithDatesAsIsoDatesAndGapsAsNulls() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet first = workbook.createSheet("Danh sách");
            Sheet other = workbook.createSheet("Ghi chú");
            other.createRow(0).createCell(0).setCellValue("Không phải danh sách");
            Row heading = first.createRow(0);
            heading.createCell(0).setCellValue("Họ và tên");
            heading.createCell(2).setCellValue("Số định danh cá nhân"); // column B has no heading
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row row = first.createRow(1);
            row.createCell(0).setCellValue("Lò Văn Sáu");
            Cell born = row.createCell(1);
            born.setCellValue(LocalDate.of(1985, 4, 12));
            born.setCellStyle(date);
            row.createCell(2).setCellValue("001085000123");
            workbook.setSheetOrder("Ghi chú", 1);
            workbook.write(out);
            List<TabularFile.Row> rows = TabularFile.read(out.toByteArray(), COLUMNS);
            assertEquals(1, rows.size());
            assertEquals("Lò Văn Sáu", rows.get(0).cell("fullName"));
            assertEquals("001085000123", rows.get(0).cell("nationalId"));
            assertNull(rows.get(0).cell("phone"));

            List<String> cells = new java.util.ArrayList<>();
            XlsxSheet.read(out.toByteArray(), (number, record, numeric) -> {
                if (number == 2) {
                    cells.addAll(record);
                }
                return number < 2;
            });
            assertEquals(Arrays.asList("Lò Văn Sáu", "1985-04-12", "001085000123"), cells);
        }
    }

    @Test
    void aWorkbookWithoutARequiredHeadingNamesItAndOneThatIsNoWorkbookIsUnreadable() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Danh sách").createRow(0).createCell(0).setCellValue("Số định danh cá nhân");
            workbook.write(out);
            assertEquals(List.of("Họ và tên"), TabularFile.missingHeadings(out.toByteArray(), COLUMNS));
        }
        byte[] notAWorkbook = "PK\u0003\u0004 not a zip at all".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(IllegalArgumentException.class, () -> TabularFile.read(notAWorkbook, COLUMNS));
    }

    /** A file far larger than an import takes is read only up to the first row past the limit, in either format. */
    @Test
    void theReadingStopsAtTheFirstRowPastTheLimit() throws IOException {
        StringBuilder csv = new StringBuilder("Số định danh cá nhân,Họ và tên\n");
        for (int i = 0; i < 1_000; i++) {
            csv.append("0931850").append(10_000 + i).append(",Người ").append(i).append('\n');
        }
        byte[] csvBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(1_000, TabularFile.read(csvBytes, COLUMNS, 1_000).size());
        assertEquals(999, assertThrows(TabularFile.TooManyRows.class,
                () -> TabularFile.read(csvBytes, COLUMNS, 999)).limit());

        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("Số định danh cá nhân");
            heading.createCell(1).setCellValue("Họ và tên");
            for (int i = 1; i <= 1_000; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("0931850" + (10_000 + i));
                row.createCell(1).setCellValue("Người " + i);
            }
            workbook.write(out);
            byte[] xlsx = out.toByteArray();
            List<TabularFile.Row> rows = TabularFile.read(xlsx, COLUMNS, 1_000);
            assertEquals(1_000, rows.size());
            assertEquals(1_001, rows.get(999).number());
            assertEquals("Người 1000", rows.get(999).cell("fullName"));
            assertThrows(TabularFile.TooManyRows.class, () -> TabularFile.read(xlsx, COLUMNS, 10));
        }
    }

    @Test
    void theTemplatesHaveTheHeadingsAndTheExample() {
        String csv = new String(TabularFile.templateCsv(COLUMNS, List.of("093185012345", "Nguyễn, Văn", "")),
                StandardCharsets.UTF_8);
        assertEquals("\uFEFFSố định danh cá nhân,Họ và tên,Điện thoại\n093185012345,\"Nguyễn, Văn\",\n", csv);
        List<TabularFile.Row> rows = TabularFile.read(TabularFile.templateXlsx(COLUMNS, "Mẫu",
                List.of("093185012345", "Nguyễn Văn", "")), COLUMNS);
        assertEquals("093185012345", rows.get(0).cell("nationalId"));
        assertEquals("Nguyễn Văn", rows.get(0).cell("fullName"));
    }
}
