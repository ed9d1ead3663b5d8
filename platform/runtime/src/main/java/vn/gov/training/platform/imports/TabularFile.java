package vn.gov.training.platform.imports;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import vn.gov.training.platform.text.VietnameseText;

/**
 * An import file: .xlsx (first sheet) or .csv (UTF-8 with or without a byte-order mark, comma or semicolon, RFC 4180
 * quoting, read with Jackson CSV), one heading row, one record per row. Headings are matched to fields ignoring case
 * and diacritics; unknown columns are ignored; cells are stripped, empty ones are null; empty rows are skipped. A row's
 * number is its number in the file (the heading row is row 1). The services using it bring Apache POI themselves.
 */
public final class TabularFile {

    private static final CsvMapper CSV = new CsvMapper();

    private TabularFile() {
    }

    /**
     * The columns of a file: headings in template order with the field each fills, the headings a file must have,
     * the fields typed as numbers in Excel that lose a leading zero, and the fields unique per row (the others'
     * repeated values are shared: a file may have 100,000 rows).
     */
    public static final class Columns {

        private final Map<String, String> headings;
        private final List<String> fields;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> required;
        private final Map<String, Integer> digitsWithLeadingZero;
        private final Set<String> unique;

        private Columns(Map<String, String> headings, List<String> required, Map<String, Integer> digitsWithLeadingZero,
                        Set<String> unique) {
            this.headings = headings;
            this.fields = List.copyOf(headings.values());
            for (int i = 0; i < fields.size(); i++) {
                index.put(fields.get(i), i);
            }
            this.required = required;
            this.digitsWithLeadingZero = digitsWithLeadingZero;
            this.unique = unique;
        }

        /** Headings (in template order) and the field each fills. */
        public static Columns of(Map<String, String> headings, List<String> required) {
            return new Columns(new LinkedHashMap<>(headings), List.copyOf(required), Map.of(), Set.of());
        }

        /**
         * A field of {@code length} digits starting with 0 (a national ID, a phone number): typed into a number cell,
         * Excel drops the zero; it gets it back.
         */
        public Columns withLeadingZero(String field, int length) {
            Map<String, Integer> digits = new HashMap<>(digitsWithLeadingZero);
            digits.put(field, length);
            return new Columns(headings, required, Map.copyOf(digits), unique);
        }

        /** A field whose values differ from row to row: not worth sharing. */
        public Columns unique(String field) {
            Set<String> fields = new java.util.HashSet<>(unique);
            fields.add(field);
            return new Columns(headings, required, digitsWithLeadingZero, Set.copyOf(fields));
        }

        /** The headings in template order. */
        public List<String> headings() {
            return List.copyOf(headings.keySet());
        }

        public Map<String, String> fieldsByHeading() {
            return headings;
        }

        public List<String> required() {
            return required;
        }

        int indexOf(String field) {
            Integer i = index.get(field);
            return i == null ? -1 : i;
        }
    }

    /** One data row: its number in the file and its cells in template order, null when empty. */
    public record Row(int number, Columns columns, String[] values) {

        /** The cell of {@code field}, or null when empty. */
        public String cell(String field) {
            int i = columns.indexOf(field);
            return i < 0 ? null : values[i];
        }
    }

    public static boolean isXlsx(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K';
    }

    /** The rows of the file. */
    public static List<Row> read(byte[] content, Columns columns) {
        return read(content, columns, Integer.MAX_VALUE);
    }

    /**
     * The rows of the file, at most {@code limit}: the reading stops at the first row past it ({@link TooManyRows}),
     * so that a file far larger than an import takes is never held in memory.
     */
    public static List<Row> read(byte[] content, Columns columns, int limit) {
        Rows rows = new Rows(columns, limit);
        if (isXlsx(content)) {
            XlsxSheet.read(content, rows);
        } else {
            readCsv(content, rows);
        }
        if (rows.exceeded) {
            throw new TooManyRows(limit);
        }
        return rows.rows;
    }

    /**
     * The first sheet of an .xlsx file as records of text cells (a missing cell null, dates as ISO dates, whole
     * numbers with all their digits), the heading row first, then at most {@code limit} more ({@link TooManyRows});
     * a missing row is an empty record. Not a workbook: {@link IllegalArgumentException}.
     */
    public static List<List<String>> xlsxRecords(byte[] content, int limit) {
        List<List<String>> records = new ArrayList<>();
        boolean[] exceeded = {false};
        XlsxSheet.read(content, (number, cells, numeric) -> {
            if (records.size() > limit) {
                exceeded[0] = true;
                return false;
            }
            records.add(cells);
            return true;
        });
        if (exceeded[0]) {
            throw new TooManyRows(limit);
        }
        return records;
    }

    /** A file with more rows than its reader takes. */
    public static final class TooManyRows extends RuntimeException {

        private final int limit;

        TooManyRows(int limit) {
            super("more than " + limit + " rows");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /** The required headings missing from the heading row. */
    public static List<String> missingHeadings(byte[] content, Columns columns) {
        List<String> headings = new ArrayList<>();
        RecordSink first = (number, cells, numeric) -> {
            headings.addAll(cells);
            return false;
        };
        if (isXlsx(content)) {
            XlsxSheet.read(content, first);
        } else {
            readCsv(content, first);
        }
        List<String> present = headings.stream().map(h -> VietnameseText.fold(h == null ? "" : h)).toList();
        return columns.required.stream().filter(h -> !present.contains(VietnameseText.fold(h))).toList();
    }

    /** Turns the records of a file (the first: the headings) into rows, sharing repeated values. */
    private static final class Rows implements RecordSink {

        private final Columns columns;
        private final int limit;
        private final List<Row> rows = new ArrayList<>();
        private final Map<String, String> shared = new HashMap<>();
        private int[] fieldOfColumn;
        private boolean exceeded;

        Rows(Columns columns, int limit) {
            this.columns = columns;
            this.limit = limit;
        }

        @Override
        public boolean accept(int number, List<String> cells, Set<Integer> numeric) {
            if (fieldOfColumn == null) {
                Map<String, Integer> byFolded = new HashMap<>();
                columns.headings.forEach((heading, field) ->
                        byFolded.put(VietnameseText.fold(heading), columns.indexOf(field)));
                fieldOfColumn = new int[cells.size()];
                for (int c = 0; c < cells.size(); c++) {
                    String heading = cells.get(c);
                    fieldOfColumn[c] = byFolded.getOrDefault(VietnameseText.fold(heading == null ? "" : heading), -1);
                }
                return true;
            }
            String[] values = new String[columns.fields.size()];
            boolean empty = true;
            for (int c = 0; c < cells.size() && c < fieldOfColumn.length; c++) {
                String value = cells.get(c) == null ? null : cells.get(c).strip();
                if (fieldOfColumn[c] < 0 || value == null || value.isEmpty()) {
                    continue;
                }
                String field = columns.fields.get(fieldOfColumn[c]);
                Integer length = columns.digitsWithLeadingZero.get(field);
                if (length != null && numeric.contains(c) && value.length() == length - 1 && value.matches("\\d+")) {
                    value = "0" + value;
                }
                values[fieldOfColumn[c]] = columns.unique.contains(field) ? value : shared.computeIfAbsent(value, v -> v);
                empty = false;
            }
            if (empty) {
                return true;
            }
            if (rows.size() == limit) {
                exceeded = true;
                return false;
            }
            rows.add(new Row(number, columns, values));
            return true;
        }
    }

    /**
     * Reads the CSV records from the UTF-8 bytes without building the whole text; the separator is the one the heading
     * line has more of (semicolon or comma), until the sink has had enough.
     */
    private static void readCsv(byte[] content, RecordSink sink) {
        try (Reader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content),
                StandardCharsets.UTF_8), 65536)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(content));
            try (MappingIterator<String[]> records = CSV.readerForArrayOf(String.class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.TRIM_SPACES).with(schema)
                    .readValues(in)) {
                int number = 0;
                while (records.hasNext()) {
                    if (!sink.accept(++number, List.of(records.next()), Set.of())) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char separator(byte[] content) {
        int semicolons = 0;
        int commas = 0;
        for (byte b : content) {
            if (b == '\n' || b == '\r') {
                break;
            }
            semicolons += b == ';' ? 1 : 0;
            commas += b == ',' ? 1 : 0;
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The template workbook: the heading row and one example row, every column formatted as text. */
    public static byte[] templateXlsx(Columns columns, String sheetName, List<String> example) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            org.apache.poi.ss.usermodel.Row heading = sheet.createRow(0);
            org.apache.poi.ss.usermodel.Row sample = sheet.createRow(1);
            // text cells: a national ID or phone number typed in keeps its leading zero
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            int c = 0;
            for (String column : columns.headings()) {
                heading.createCell(c).setCellValue(column);
                Cell cell = sample.createCell(c);
                cell.setCellStyle(text);
                cell.setCellValue(example.get(c));
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

    /** The template as CSV (UTF-8 with a byte-order mark, for Excel): the heading row and one example row. */
    public static byte[] templateCsv(Columns columns, List<String> example) {
        return ("\uFEFF" + String.join(",", columns.headings()) + "\n"
                + String.join(",", example.stream().map(TabularFile::csvCell).toList()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
