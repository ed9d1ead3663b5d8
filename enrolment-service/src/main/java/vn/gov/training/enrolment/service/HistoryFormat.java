package vn.gov.training.enrolment.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Cells;
import vn.gov.training.platform.imports.ImportTemplate;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.text.VietnameseText;

/**
 * The historical training records file (read by the platform's {@link TabularFile}: .xlsx or .csv), one heading row
 * with the Vietnamese headings below (matched ignoring case and diacritics), one training turn per row. Dates dd/MM/yyyy
 * (or ISO, or Excel dates: the platform's {@link Cells}); codes or their Vietnamese labels.
 */
public final class HistoryFormat {

    /** Headings in template order, and the field each fills. */
    public static final Map<String, String> COLUMNS = columns();
    /** Without these headings the file is refused before a job starts. */
    static final List<String> REQUIRED = List.of("Số định danh cá nhân", "Kết quả");

    /**
     * The file's columns: a national ID typed into a number cell gets its leading zero back (province codes start
     * with 0); national IDs differ from row to row, the other values repeat (programme, class, dates, labels).
     */
    public static final TabularFile.Columns TABLE = TabularFile.Columns.of(COLUMNS, REQUIRED)
            .withLeadingZero("nationalId", 12).unique("nationalId");

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

    /** An amount in VND: digits with optional '.' or ',' thousands separators; negative amounts are refused. */
    static Long amount(TabularFile.Row row, String field, List<CellError> errors) {
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

    private static final List<String> EXAMPLE = List.of("093185012345", "", "Lý luận chính trị", "Cao cấp", "",
            "HVCTQG-HCM", "01/03/2019", "30/06/2020", "Hoàn thành", "Khá", "30/06/2020", "CC-2020-000123",
            "25.000.000", "Ngân sách nhà nước");

    /** The template: the heading row and one example row (a completed advanced political-theory class). */
    public static final ImportTemplate TEMPLATE = new ImportTemplate(TABLE, "Quá trình đào tạo", EXAMPLE,
            "mau-qua-trinh-dao-tao");
}
