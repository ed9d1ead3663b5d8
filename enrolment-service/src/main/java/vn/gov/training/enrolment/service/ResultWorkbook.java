package vn.gov.training.enrolment.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.platform.imports.Cells;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;

/**
 * The Excel form of a class's results sheet: first worksheet, one header row with the Vietnamese column names
 * below, one learner per row. Grades and outcomes in Vietnamese or as their codes; dates dd/MM/yyyy (or ISO, or
 * Excel dates). Cells that cannot be read become the row's field errors; the constraints of a row are those of
 * the JSON sheet's row (checked by the resource) and the rules of a result are {@link EnrolmentResults#recordResult}'s.
 */
@ApplicationScoped
public class ResultWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Column headers in template order, and the field each fills. */
    public static final Map<String, String> COLUMNS = columns();

    private static final List<String> REQUIRED = List.of("enrolmentId", "outcome");
    /** The most learner rows a class's sheet may have (a class is far smaller). */
    static final int MAX_ROWS = 5_000;

    /** Outcomes as written in the sheet (folded: no case, no diacritics) and their codes. */
    private static final Map<String, String> OUTCOMES = Map.of(
            "hoan thanh", "COMPLETED", "completed", "COMPLETED",
            "khong dat", "FAILED", "failed", "FAILED",
            "thoi hoc", "WITHDRAWN", "withdrawn", "WITHDRAWN");

    private static final Map<String, Grade> GRADES = Map.of(
            "xuat sac", Grade.EXCELLENT, "excellent", Grade.EXCELLENT,
            "gioi", Grade.GOOD, "good", Grade.GOOD,
            "kha", Grade.FAIR, "fair", Grade.FAIR,
            "trung binh", Grade.AVERAGE, "average", Grade.AVERAGE);


    private final Messages messages;

    ResultWorkbook(Messages messages) {
        this.messages = messages;
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("Mã lượt cử đi học", "enrolmentId");
        c.put("Họ và tên", "fullName");
        c.put("Kết quả", "outcome");
        c.put("Xếp loại", "grade");
        c.put("Số văn bằng, chứng chỉ", "credentialNumber");
        c.put("Ngày cấp", "credentialIssuedOn");
        c.put("Số tiết tham gia", "periodsAttended");
        c.put("Ngày hoàn thành, không đạt hoặc thôi học", "date");
        c.put("Lý do (không đạt, thôi học)", "reason");
        return c;
    }

    /** A learner for the template: the enrolment and the name to prefill. */
    public record Learner(UUID enrolmentId, String fullName) {
    }

    /** The template of a class: the header row and one prefilled row per learner who can receive a result. */
    public byte[] template(String classCode, List<Learner> learners) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(("Kết quả " + (classCode == null ? "" : classCode)).strip());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            int c = 0;
            for (String column : COLUMNS.keySet()) {
                Cell cell = header.createCell(c);
                cell.setCellValue(column);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 0 ? 40 : 24) * 256);
                // dates and numbers typed as text stay as typed (dd/MM/yyyy), not as the machine's locale reads them
                sheet.setDefaultColumnStyle(c, text);
                c++;
            }
            int r = 1;
            for (Learner learner : learners) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(learner.enrolmentId().toString());
                row.createCell(1).setCellValue(learner.fullName() == null ? "" : learner.fullName());
            }
            sheet.createFreezePane(2, 1);
            int last = Math.max(r, 2) + 500;
            DataValidationHelper validation = sheet.getDataValidationHelper();
            sheet.addValidationData(validation.createValidation(validation.createExplicitListConstraint(
                    new String[] {"Hoàn thành", "Không đạt", "Thôi học"}), new CellRangeAddressList(1, last, 2, 2)));
            sheet.addValidationData(validation.createValidation(validation.createExplicitListConstraint(
                    new String[] {"Xuất sắc", "Giỏi", "Khá", "Trung bình"}), new CellRangeAddressList(1, last, 3, 3)));
            Sheet help = workbook.createSheet("Hướng dẫn");
            String[] lines = {
                "Mỗi dòng là một học viên; không sửa cột \"Mã lượt cử đi học\".",
                "Kết quả: Hoàn thành, Không đạt hoặc Thôi học (hoặc COMPLETED, FAILED, WITHDRAWN).",
                "Hoàn thành: bắt buộc Xếp loại (Xuất sắc, Giỏi, Khá, Trung bình hoặc EXCELLENT, GOOD, FAIR, AVERAGE);"
                        + " ghi Số văn bằng, chứng chỉ, Ngày cấp và Số tiết tham gia nếu có.",
                "Không đạt: ghi Lý do nếu có. Thôi học: bắt buộc Lý do.",
                "Ngày ghi theo dạng dd/MM/yyyy, ví dụ 05/03/2026. Dòng để trống Kết quả được bỏ qua.",
                "Tải lên lại cùng một tệp không làm thay đổi kết quả đã ghi."};
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of an uploaded sheet that carry a result (rows with an empty outcome and no other result cell are
     * skipped). Not an .xlsx file, or without the required columns: 400.
     */
    public List<ResultSheets.Row> read(byte[] content) {
        List<List<Object>> table = table(content);
        Map<String, String> byFolded = new LinkedHashMap<>();
        COLUMNS.forEach((header, field) -> byFolded.put(VietnameseText.fold(header), field));
        List<String> fields = new ArrayList<>();
        for (Object header : table.isEmpty() ? List.of() : table.get(0)) {
            fields.add(header == null ? null : byFolded.get(VietnameseText.fold(header.toString().strip())));
        }
        List<String> missing = new ArrayList<>();
        COLUMNS.forEach((header, field) -> {
            if (REQUIRED.contains(field) && !fields.contains(field)) {
                missing.add(header);
            }
        });
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("results-file-columns", String.join(", ", missing));
        }
        List<ResultSheets.Row> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            Map<String, Object> cells = new LinkedHashMap<>();
            List<Object> line = table.get(i);
            for (int c = 0; c < line.size() && c < fields.size(); c++) {
                Object value = line.get(c);
                if (fields.get(c) != null && value != null && !(value instanceof String s && s.isBlank())) {
                    cells.put(fields.get(c), value instanceof String s ? s.strip() : value);
                }
            }
            boolean hasResult = cells.keySet().stream().anyMatch(f -> !f.equals("enrolmentId") && !f.equals("fullName"));
            if (hasResult) {
                rows.add(row(i + 1, cells));
            }
        }
        return rows;
    }

    private ResultSheets.Row row(int number, Map<String, Object> cells) {
        List<FieldError> errors = new ArrayList<>();
        UUID enrolmentId = null;
        Object id = cells.get("enrolmentId");
        if (id == null) {
            errors.add(messages.fieldError("enrolmentId", "required"));
        } else {
            try {
                enrolmentId = UUID.fromString(id.toString());
            } catch (IllegalArgumentException e) {
                errors.add(messages.fieldError("enrolmentId", "invalid-format"));
            }
        }
        String outcome = null;
        Object outcomeText = cells.get("outcome");
        if (outcomeText == null) {
            errors.add(messages.fieldError("outcome", "required"));
        } else {
            outcome = OUTCOMES.get(VietnameseText.fold(outcomeText.toString()).replace('_', ' '));
            if (outcome == null) {
                errors.add(messages.fieldError("outcome", "result-outcome"));
            }
        }
        Grade grade = null;
        Object gradeText = cells.get("grade");
        if (gradeText != null) {
            grade = GRADES.get(VietnameseText.fold(gradeText.toString()));
            if (grade == null) {
                errors.add(messages.fieldError("grade", "result-grade"));
            }
        }
        Integer periods = null;
        Object periodsValue = cells.get("periodsAttended");
        if (periodsValue != null) {
            try {
                periods = new BigDecimal(periodsValue.toString().replace(',', '.')).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                errors.add(messages.fieldError("periodsAttended", "whole-number"));
            }
        }
        Object credential = cells.get("credentialNumber");
        Object reason = cells.get("reason");
        EnrolmentResults.Result result = new EnrolmentResults.Result(enrolmentId, outcome, grade,
                credential == null ? null : credential.toString(), date(cells, "credentialIssuedOn", errors),
                periods, date(cells, "date", errors), reason == null ? null : reason.toString());
        return new ResultSheets.Row(number, result, errors);
    }

    private LocalDate date(Map<String, Object> cells, String field, List<FieldError> errors) {
        Object value = cells.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        try {
            return Cells.date(text);
        } catch (DateTimeParseException e) {
            errors.add(messages.fieldError(field, "date-dd-mm-yyyy"));
            return null;
        }
    }

    /**
     * The first worksheet as rows of text cells (dates as ISO dates), read as a stream: a class's sheet has a row a
     * learner, and a workbook far larger than that is refused after {@link #MAX_ROWS} rows, not held in memory.
     */
    private static List<List<Object>> table(byte[] content) {
        if (content == null || content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw ProblemException.invalid("results-file-not-xlsx");
        }
        try {
            return TabularFile.xlsxRecords(content, MAX_ROWS).stream().map(r -> (List<Object>) new ArrayList<Object>(r))
                    .toList();
        } catch (TabularFile.TooManyRows tooMany) {
            throw ProblemException.invalid("import-too-many-rows", MAX_ROWS);
        } catch (RuntimeException notAWorkbook) {
            throw ProblemException.invalid("results-file-not-xlsx");
        }
    }
}
