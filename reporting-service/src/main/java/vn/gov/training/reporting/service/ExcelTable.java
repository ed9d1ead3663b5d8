package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A report laid out for a spreadsheet: a title, lines under it, column headings and typed rows. A statutory report
 * also has a {@link Form}: the frame of the Ministry's form around the table (national motto, form number, reporting
 * unit, "Kính gửi", an STT column and a row of column numbers, totals, place and date, signatures). Columns that share
 * a {@code group} are headed by it in a first header row (merged cells), their own headings under it.
 */
public record ExcelTable(String title, List<String> notes, List<Column> columns, List<List<Object>> rows, Form form) {

    public ExcelTable(String title, List<String> notes, List<Column> columns, List<List<Object>> rows) {
        this(title, notes, columns, rows, null);
    }

    public enum Kind { TEXT, COUNT, VND, DATE, PERCENT }

    /** A column; {@code group} (or null) is the heading it shares with its neighbours of the same group. */
    public record Column(String heading, Kind kind, String group) {

        public Column(String heading, Kind kind) {
            this(heading, kind, null);
        }

        public Column in(String group) {
            return new Column(heading, kind, group);
        }
    }

    /**
     * The statutory form around the table. {@code formNumber} and {@code issuingBody} head the top left, the national
     * motto the top right; {@code reportingUnit} and {@code recipient} ("Kính gửi") follow the title; the last row
     * is the total when {@code lastRowIsTotal}; {@code place} and {@code date} make the line above the signatures of
     * the preparer (Người lập biểu) and the head of the unit (Thủ trưởng đơn vị).
     */
    public record Form(String formNumber, String issuingBody, String reportingUnit, String recipient, String place,
                       LocalDate date, boolean lastRowIsTotal) {
    }

    public boolean grouped() {
        return columns.stream().anyMatch(c -> c.group() != null);
    }

    public static Column text(String heading) {
        return new Column(heading, Kind.TEXT);
    }

    public static Column count(String heading) {
        return new Column(heading, Kind.COUNT);
    }

    public static Column vnd(String heading) {
        return new Column(heading, Kind.VND);
    }

    public static Column date(String heading) {
        return new Column(heading, Kind.DATE);
    }

    public static Column percent(String heading) {
        return new Column(heading, Kind.PERCENT);
    }

    public static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }
}
