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

    /** The fields in template order; a row keeps its cells in this order. */
    private static final List<String> FIELDS = List.copyOf(COLUMNS.values());

    /**
     * One data row: its number in the file (the heading row is row 1) and its cells in {@link #FIELDS} order, null
     * when empty. Compact (an array, repeated values shared): a file may have 100,000 rows.
     */
    public record Row(int number, String[] values) {

        /** The cell of {@code field}, or null when empty. */
        public String cell(String field) {
            int i = FIELDS.indexOf(field);
            return i < 0 ? null : values[i];
        }
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
        String text = row.cell(field);
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
        String text = row.cell(field);
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
        List<Row> rows = new ArrayList<>();
        Rows sink = new Rows(rows);
        if (isXlsx(content)) {
            Set<List<Integer>> numeric = new java.util.HashSet<>();
            List<List<String>> table = readXlsx(content, numeric);
            for (int i = 0; i < table.size(); i++) {
                List<String> cells = new ArrayList<>(table.get(i));
                if (i > 0 && sink.nationalIdColumn >= 0 && sink.nationalIdColumn < cells.size()
                        && numeric.contains(List.of(i, sink.nationalIdColumn)) && cells.get(sink.nationalIdColumn) != null
                        && cells.get(sink.nationalIdColumn).matches("\\d{11}")) {
                    // Excel drops the leading zero of a national ID typed as a number (province codes start with 0)
                    cells.set(sink.nationalIdColumn, "0" + cells.get(sink.nationalIdColumn));
                }
                sink.accept(i + 1, cells);
            }
        } else {
            readCsv(content, sink, false);
        }
        return rows;
    }

    /** The required headings missing from the heading row. */
    public static List<String> missingColumns(byte[] content) {
        List<String> headings = new ArrayList<>();
        if (isXlsx(content)) {
            List<List<String>> table = readXlsx(content, new java.util.HashSet<>());
            if (!table.isEmpty()) {
                headings.addAll(table.get(0));
            }
        } else {
            readCsv(content, (number, cells) -> headings.addAll(cells), true);
        }
        List<String> present = headings.stream().map(h -> VietnameseText.fold(h == null ? "" : h)).toList();
        return REQUIRED.stream().filter(h -> !present.contains(VietnameseText.fold(h))).toList();
    }

    /** Turns the records of a file (the first: the headings) into rows, sharing repeated values. */
    private static final class Rows implements java.util.function.BiConsumer<Integer, List<String>> {

        private final List<Row> rows;
        private final Map<String, String> shared = new HashMap<>();
        private int[] fieldOfColumn;
        int nationalIdColumn = -1;

        Rows(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void accept(Integer number, List<String> cells) {
            if (fieldOfColumn == null) {
                Map<String, Integer> byFolded = new HashMap<>();
                for (int f = 0; f < FIELDS.size(); f++) {
                    byFolded.put(VietnameseText.fold(List.copyOf(COLUMNS.keySet()).get(f)), f);
                }
                fieldOfColumn = new int[cells.size()];
                for (int c = 0; c < cells.size(); c++) {
                    String heading = cells.get(c);
                    fieldOfColumn[c] = byFolded.getOrDefault(VietnameseText.fold(heading == null ? "" : heading), -1);
                    if (fieldOfColumn[c] == 0) {
                        nationalIdColumn = c;
                    }
                }
                return;
            }
            String[] values = new String[FIELDS.size()];
            boolean empty = true;
            for (int c = 0; c < cells.size() && c < fieldOfColumn.length; c++) {
                String value = cells.get(c) == null ? null : cells.get(c).strip();
                if (fieldOfColumn[c] < 0 || value == null || value.isEmpty()) {
                    continue;
                }
                // the national ID is unique per row; other values repeat (programme, class, dates, labels)
                values[fieldOfColumn[c]] = fieldOfColumn[c] == 0 ? value : shared.computeIfAbsent(value, v -> v);
                empty = false;
            }
            if (!empty) {
                rows.add(new Row(number, values));
            }
        }
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

    /**
     * Reads CSV records (RFC 4180 quoting) from the UTF-8 bytes without building the whole text, handing each record
     * with its 1-based number to {@code sink}; with {@code headingOnly}, stops after the first.
     */
    private static void readCsv(byte[] content, java.util.function.BiConsumer<Integer, List<String>> sink,
                                boolean headingOnly) {
        try (java.io.Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new ByteArrayInputStream(content), StandardCharsets.UTF_8), 65536)) {
            List<String> record = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean first = true;
            int number = 0;
            int ch = in.read();
            if (ch == '\uFEFF') {
                ch = in.read();
            }
            while (ch != -1) {
                int next = in.read();
                if (quoted) {
                    if (ch == '"' && next == '"') {
                        cell.append('"');
                        next = in.read();
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append((char) ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    record.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && next == '\n') {
                        next = in.read();
                    }
                    record.add(cell.toString());
                    cell.setLength(0);
                    sink.accept(++number, record);
                    if (first && headingOnly) {
                        return;
                    }
                    first = false;
                    record = new ArrayList<>();
                } else {
                    cell.append((char) ch);
                }
                ch = next;
            }
            if (cell.length() > 0 || !record.isEmpty()) {
                record.add(cell.toString());
                sink.accept(++number, record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
