package vn.gov.training.enrolment.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
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

import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.platform.text.VietnameseText;

/**
 * The historical training records file: .xlsx (first sheet) or .csv (UTF-8, comma-separated), one heading row with
 * the Vietnamese headings below (matched ignoring case and diacritics), one training turn per row. Dates dd/MM/yyyy
 * (or ISO, or Excel dates); codes or their Vietnamese labels.
 */
public final class HistoryFormat {

    /** Headings in template order, and the field each fills. */
    public static final Map<String, String> COLUMNS = columns();
    /** Without these headings the file is refused before a job starts. */
    static final List<String> REQUIRED = List.of("Số định danh cá nhân", "Kết quả");

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** One data row: its number in the file (the heading row is row 1) and its non-empty cells by field. */
    public record Row(int number, Map<String, String> cells) {
    }

    /** A cell that could not be read as its field's type. */
    public record CellError(String field, String code, Object arg) {
    }

    private HistoryFormat() {
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("Số định danh cá nhân", "nationalId");
        c.put("Mã chương trình", "programCode");
        c.put("Loại chương trình", "programCategory");
        c.put("Trình độ", "programLevel");
        c.put("Mã lớp", "classCode");
        c.put("Mã cơ sở đào tạo", "institutionCode");
        c.put("Ngày bắt đầu", "startDate");
        c.put("Ngày kết thúc", "endDate");
        c.put("Kết quả", "result");
        c.put("Xếp loại", "grade");
        c.put("Ngày hoàn thành", "completedOn");
        c.put("Số văn bằng/chứng chỉ", "credentialNumber");
        c.put("Kinh phí (VND)", "costVnd");
        c.put("Nguồn kinh phí", "fundingSource");
        return c;
    }

    private static final Map<String, String> CATEGORIES = labels(Map.of(
            "POLITICAL_THEORY", List.of("Lý luận chính trị"),
            "STATE_MANAGEMENT", List.of("Quản lý nhà nước"),
            "LEADERSHIP", List.of("Lãnh đạo, quản lý", "Lãnh đạo quản lý"),
            "TITLE_BASED", List.of("Bồi dưỡng theo chức danh", "Theo chức danh"),
            "KNOWLEDGE_UPDATE", List.of("Cập nhật kiến thức"),
            "DEFENCE_SECURITY", List.of("Quốc phòng và an ninh", "Quốc phòng an ninh"),
            "PROFESSIONAL", List.of("Chuyên môn, nghiệp vụ", "Chuyên môn nghiệp vụ"),
            "DIGITAL_SKILLS", List.of("Kỹ năng số, công nghệ thông tin", "Kỹ năng số", "Công nghệ thông tin"),
            "FOREIGN_LANGUAGE", List.of("Ngoại ngữ")));

    private static final Map<String, String> LEVELS = labels(Map.ofEntries(
            Map.entry("ELEMENTARY", List.of("Sơ cấp")), Map.entry("INTERMEDIATE", List.of("Trung cấp")),
            Map.entry("ADVANCED", List.of("Cao cấp")), Map.entry("BACHELOR_OF_POLITICS", List.of("Cử nhân chính trị")),
            Map.entry("SPECIALIST", List.of("Chuyên viên")), Map.entry("PRINCIPAL_SPECIALIST", List.of("Chuyên viên chính")),
            Map.entry("SENIOR_SPECIALIST", List.of("Chuyên viên cao cấp")),
            Map.entry("GROUP_1", List.of("Đối tượng 1")), Map.entry("GROUP_2", List.of("Đối tượng 2")),
            Map.entry("GROUP_3", List.of("Đối tượng 3")), Map.entry("GROUP_4", List.of("Đối tượng 4")),
            Map.entry("DIVISION", List.of("Cấp phòng")), Map.entry("DEPARTMENT", List.of("Cấp sở")),
            Map.entry("COLLEGE", List.of("Cao đẳng")), Map.entry("BACHELOR", List.of("Đại học")),
            Map.entry("MASTER", List.of("Thạc sĩ")), Map.entry("DOCTORATE", List.of("Tiến sĩ")),
            Map.entry("BASIC", List.of("Cơ bản"))));

    private static final Map<String, String> RESULTS = labels(Map.of(
            "COMPLETED", List.of("Hoàn thành", "Đạt", "Tốt nghiệp"),
            "FAILED", List.of("Không đạt", "Không hoàn thành"),
            "WITHDRAWN", List.of("Thôi học", "Bỏ học", "Rút")));

    private static final Map<String, String> GRADES = labels(Map.of(
            Grade.EXCELLENT.name(), List.of("Xuất sắc"), Grade.GOOD.name(), List.of("Giỏi", "Tốt"),
            Grade.FAIR.name(), List.of("Khá"), Grade.AVERAGE.name(), List.of("Trung bình")));

    private static final Map<String, String> FUNDING = labels(Map.of(
            "STATE_BUDGET", List.of("Ngân sách nhà nước", "Ngân sách"),
            "UNIT", List.of("Kinh phí đơn vị", "Đơn vị"),
            "SELF", List.of("Cá nhân tự túc", "Tự túc", "Cá nhân"),
            "SPONSOR", List.of("Tài trợ")));

    /** Folded code and folded labels → code. */
    private static Map<String, String> labels(Map<String, List<String>> byCode) {
        Map<String, String> folded = new HashMap<>();
        byCode.forEach((code, names) -> {
            folded.put(fold(code), code);
            names.forEach(name -> folded.put(fold(name), code));
        });
        return Map.copyOf(folded);
    }

    private static String fold(String text) {
        return VietnameseText.fold(text).replace('_', ' ').replace('-', ' ');
    }

    /** A code list's code for a code or label; null when unknown. */
    static String category(String text) {
        return text == null ? null : CATEGORIES.get(fold(text));
    }

    static String level(String text) {
        return text == null ? null : LEVELS.getOrDefault(fold(text), text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    static String result(String text) {
        return text == null ? null : RESULTS.get(fold(text));
    }

    static Grade grade(String text) {
        String code = text == null ? null : GRADES.get(fold(text));
        return code == null ? null : Grade.valueOf(code);
    }

    static String fundingSource(String text) {
        return text == null ? null : FUNDING.get(fold(text));
    }

    /** A date cell (dd/MM/yyyy, ISO or an Excel date); a cell error and null when unreadable. */
    static LocalDate date(Row row, String field, List<CellError> errors) {
        String text = row.cells().get(field);
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

    /** An amount in VND: digits with optional '.' or ',' thousands separators; negative amounts are refused. */
    static Long amount(Row row, String field, List<CellError> errors) {
        String text = row.cells().get(field);
        if (text == null) {
            return null;
        }
        String digits = text.replace(".", "").replace(",", "").replace(" ", "").replace("\u00a0", "");
        if (digits.matches("-\\d+")) {
            errors.add(new CellError(field, "negative-cost", text));
            return null;
        }
        if (!digits.matches("\\d{1,15}")) {
            errors.add(new CellError(field, "number-format", text));
            return null;
        }
        return Long.parseLong(digits);
    }

    public static boolean isXlsx(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K';
    }

    /** The rows of the file; headings matched ignoring case and diacritics, unknown columns ignored. */
    public static List<Row> read(byte[] content) {
        Set<List<Integer>> numeric = new java.util.HashSet<>();
        List<List<String>> table = isXlsx(content) ? readXlsx(content, numeric) : readCsv(content);
        if (table.isEmpty()) {
            return List.of();
        }
        Map<String, String> byFolded = new HashMap<>();
        COLUMNS.forEach((heading, field) -> byFolded.put(VietnameseText.fold(heading), field));
        List<String> fields = new ArrayList<>();
        for (String heading : table.get(0)) {
            fields.add(byFolded.get(VietnameseText.fold(heading == null ? "" : heading)));
        }
        List<Row> rows = new ArrayList<>(table.size());
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < cells.size() && c < fields.size(); c++) {
                String value = cells.get(c) == null ? null : cells.get(c).strip();
                if (fields.get(c) == null || value == null || value.isEmpty()) {
                    continue;
                }
                // Excel drops the leading zero of a national ID typed as a number (every province code starts with 0)
                if ("nationalId".equals(fields.get(c)) && numeric.contains(List.of(i, c)) && value.matches("\\d{11}")) {
                    value = "0" + value;
                }
                values.put(fields.get(c), value);
            }
            if (!values.isEmpty()) {
                rows.add(new Row(i + 1, values));
            }
        }
        return rows;
    }

    /** The required headings missing from the heading row. */
    public static List<String> missingColumns(byte[] content) {
        List<List<String>> table = isXlsx(content) ? readXlsx(content, new java.util.HashSet<>()) : readCsv(content);
        List<String> present = table.isEmpty() ? List.of()
                : table.get(0).stream().map(h -> VietnameseText.fold(h == null ? "" : h)).toList();
        return REQUIRED.stream().filter(h -> !present.contains(VietnameseText.fold(h))).toList();
    }

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
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        double value = cell.getNumericCellValue();
                        numeric.add(List.of(table.size(), c));
                        cells.add(value == Math.rint(value) && Math.abs(value) < 1e15
                                ? BigDecimal.valueOf(value).toBigInteger().toString() : formatter.formatCellValue(cell));
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

    private static List<List<String>> readCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
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
            } else if (ch == ',') {
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

    /** The template: the heading row and one example row (a completed advanced political-theory class). */
    public static byte[] templateXlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Quá trình đào tạo");
            org.apache.poi.ss.usermodel.Row heading = sheet.createRow(0);
            org.apache.poi.ss.usermodel.Row example = sheet.createRow(1);
            var text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            int c = 0;
            for (String column : COLUMNS.keySet()) {
                heading.createCell(c).setCellValue(column);
                Cell cell = example.createCell(c);
                cell.setCellStyle(text);
                cell.setCellValue(EXAMPLE.get(c));
                sheet.setDefaultColumnStyle(c, text);
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
        return ("\uFEFF" + String.join(",", COLUMNS.keySet()) + "\n"
                + String.join(",", EXAMPLE.stream().map(HistoryFormat::csvCell).toList()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static final List<String> EXAMPLE = List.of("093185012345", "", "Lý luận chính trị", "Cao cấp", "",
            "HVCTQG-HCM", "01/03/2019", "30/06/2020", "Hoàn thành", "Khá", "30/06/2020", "CC-2020-000123",
            "25.000.000", "Ngân sách nhà nước");
}
