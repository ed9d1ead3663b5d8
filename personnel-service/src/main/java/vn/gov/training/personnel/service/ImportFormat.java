package vn.gov.training.personnel.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.gov.training.personnel.domain.Gender;
import vn.gov.training.personnel.domain.StaffCategory;
import vn.gov.training.platform.text.VietnameseText;

/**
 * The staff-list file format: .xlsx (first sheet) or .csv (UTF-8, comma or semicolon), one header row with the
 * Vietnamese column names below, one person per row. Dates dd/mm/yyyy (or ISO, or Excel dates).
 */
public final class ImportFormat {

    /** Column headers in template order, and the field each fills. */
    public static final Map<String, String> COLUMNS = columns();
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** One data row: its number in the file (the header is row 1) and its cells by field name. */
    public record Row(int number, Map<String, String> cells) {
    }

    /** A cell that could not be read as its field's type. */
    public record CellError(String field, String code, Object arg) {
    }

    private ImportFormat() {
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("Số định danh cá nhân", "nationalId");
        c.put("Họ và tên", "fullName");
        c.put("Ngày sinh", "dateOfBirth");
        c.put("Giới tính", "gender");
        c.put("Dân tộc", "ethnicity");
        c.put("Đối tượng", "category");
        c.put("Mã đơn vị", "orgUnitCode");
        c.put("Mã vị trí việc làm", "jobPositionCode");
        c.put("Mã chức danh", "titleCode");
        c.put("Mã ngạch", "rankCode");
        c.put("Diện quản lý", "managementTier");
        c.put("Ngày bắt đầu công tác", "startedServiceOn");
        c.put("Thư điện tử", "email");
        c.put("Điện thoại", "phone");
        return c;
    }

    public static boolean isXlsx(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K';
    }

    /** The rows of the file; headers are matched ignoring case and diacritics. Unknown columns are ignored. */
    public static List<Row> read(byte[] content) {
        Set<List<Integer>> numeric = new HashSet<>();
        List<List<String>> table = isXlsx(content) ? readXlsx(content, numeric) : readCsv(content);
        if (table.isEmpty()) {
            return List.of();
        }
        Map<String, String> byFolded = new LinkedHashMap<>();
        COLUMNS.forEach((header, field) -> byFolded.put(VietnameseText.fold(header), field));
        List<String> fields = new ArrayList<>();
        for (String header : table.get(0)) {
            fields.add(byFolded.get(VietnameseText.fold(header == null ? "" : header)));
        }
        List<Row> rows = new ArrayList<>(table.size());
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            boolean empty = true;
            for (int c = 0; c < cells.size() && c < fields.size(); c++) {
                String value = cells.get(c) == null ? null : cells.get(c).strip();
                if (value != null && numeric.contains(List.of(i, c))) {
                    value = restoreLeadingZero(fields.get(c), value);
                }
                if (fields.get(c) != null && value != null && !value.isEmpty()) {
                    values.put(fields.get(c), value);
                    empty = false;
                }
            }
            if (!empty) {
                rows.add(new Row(i + 1, values));
            }
        }
        return rows;
    }

    /**
     * Excel stores a national ID or phone number typed into a number cell as a number, dropping its leading zero:
     * an 11-digit national ID (every province code starts with 0) gets it back, as does a 9-digit phone number.
     */
    static String restoreLeadingZero(String field, String digits) {
        if ("nationalId".equals(field) && digits.matches("\\d{11}")) {
            return "0" + digits;
        }
        if ("phone".equals(field) && digits.matches("\\d{9}")) {
            return "0" + digits;
        }
        return digits;
    }

    /** The required columns missing from the header row. */
    public static List<String> missingColumns(byte[] content) {
        List<List<String>> table = isXlsx(content) ? readXlsx(content, new HashSet<>()) : readCsv(content);
        List<String> present = table.isEmpty() ? List.of()
                : table.get(0).stream().map(h -> VietnameseText.fold(h == null ? "" : h)).toList();
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Số định danh cá nhân", "Họ và tên", "Ngày sinh", "Giới tính", "Đối tượng",
                "Mã đơn vị")) {
            if (!present.contains(VietnameseText.fold(required))) {
                missing.add(required);
            }
        }
        return missing;
    }

    /** Converts a row's cells to staff-record fields; unreadable cells become errors and null fields. */
    public static PersonFields fields(Row row, List<CellError> errors) {
        Map<String, String> c = row.cells();
        return new PersonFields(c.get("nationalId"), c.get("fullName"), date(c, "dateOfBirth", errors),
                gender(c.get("gender"), errors), c.get("ethnicity"), category(c.get("category"), errors),
                c.get("orgUnitCode"), c.get("jobPositionCode"), c.get("titleCode"), c.get("rankCode"),
                c.get("managementTier"), date(c, "startedServiceOn", errors), c.get("email"), c.get("phone"));
    }

    private static LocalDate date(Map<String, String> c, String field, List<CellError> errors) {
        String text = c.get(field);
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, VN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new CellError(field, "date-format", text));
            return null;
        }
    }

    private static Gender gender(String text, List<CellError> errors) {
        if (text == null) {
            return null;
        }
        switch (VietnameseText.fold(text)) {
            case "nam", "male":
                return Gender.MALE;
            case "nu", "female":
                return Gender.FEMALE;
            default:
                errors.add(new CellError("gender", "unknown-value", text));
                return null;
        }
    }

    private static StaffCategory category(String text, List<CellError> errors) {
        if (text == null) {
            return null;
        }
        switch (VietnameseText.fold(text).replace('_', ' ')) {
            case "can bo", "cadre":
                return StaffCategory.CADRE;
            case "cong chuc", "civil servant":
                return StaffCategory.CIVIL_SERVANT;
            case "vien chuc", "public employee":
                return StaffCategory.PUBLIC_EMPLOYEE;
            default:
                errors.add(new CellError("category", "unknown-value", text));
                return null;
        }
    }

    /** The first sheet's cells as text; the positions (row, column) of plain number cells go to {@code numeric}. */
    private static List<List<String>> readXlsx(byte[] content, Set<List<Integer>> numeric) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> table = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                while (table.size() < row.getRowNum()) {
                    table.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells.add(null);
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else if (cell.getCellType() == CellType.NUMERIC && isWholeNumber(cell.getNumericCellValue())) {
                        // all the digits, never "9.3185E+10" as a General format may show a long number
                        numeric.add(List.of(table.size(), c));
                        cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).toBigInteger().toString());
                    } else {
                        cells.add(formatter.formatCellValue(cell));
                    }
                }
                table.add(cells);
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWholeNumber(double value) {
        return value >= 0 && value < 1e15 && value == Math.rint(value);
    }

    private static List<List<String>> readCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.chars().filter(ch -> ch == ';').count() > firstLine.chars().filter(ch -> ch == ',')
                .count() ? ';' : ',';
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                table.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            table.add(row);
        }
        return table;
    }

    /** The template: the header row, and one example row. */
    public static byte[] templateXlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách cán bộ");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            org.apache.poi.ss.usermodel.Row example = sheet.createRow(1);
            int c = 0;
            for (String column : COLUMNS.keySet()) {
                header.createCell(c).setCellValue(column);
                example.createCell(c).setCellValue(EXAMPLE.get(c));
                sheet.setColumnWidth(c, 22 * 256);
                c++;
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] templateCsv() {
        return ("\uFEFF" + String.join(",", COLUMNS.keySet()) + "\n" + String.join(",", EXAMPLE) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final List<String> EXAMPLE = List.of("093185012345", "Nguyễn Thị Hồng Khang", "12/04/1985", "Nữ",
            "Kinh", "Công chức", "HG.VT.P1", "", "", "SPECIALIST", "", "01/08/2009", "khang.nth@haugiang.gov.vn",
            "0901234567");
}
