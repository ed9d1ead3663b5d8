package vn.gov.training.reporting.service;

import java.util.ArrayList;
import java.util.List;

/** A report laid out for a spreadsheet: a title, lines under it, column headings and typed rows. */
public record ExcelTable(String title, List<String> notes, List<Column> columns, List<List<Object>> rows) {

    public enum Kind { TEXT, COUNT, VND, DATE, PERCENT }

    public record Column(String heading, Kind kind) {
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
