package vn.gov.training.platform.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an .xlsx file read as a stream of records (SAX over the zip entry), not as a workbook in memory:
 * Apache POI's workbook model took 103 MB of heap for 10,000 rows of 14 cells, so a file of 50,000 rows ran a
 * service with a 256 MB heap out of memory. What the reader keeps is the shared strings and the styles; the rows go
 * to the sink one by one, and the reading stops when the sink has had enough. Cells as text; whole numbers with all
 * their digits (never "9.3185E+10"), dates as ISO dates. A file that is no workbook is an
 * {@link IllegalArgumentException}.
 */
final class XlsxSheet {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    /**
     * The largest part read into memory (shared strings, styles, the workbook and its relationships): the shared
     * strings of 50,000 rows with three unique texts each take about 5 MB.
     */
    private static final int MAX_PART = 16 * 1024 * 1024;
    /** Excel's last column is XFD; a cell past it (only a forged file has one) is ignored. */
    private static final int MAX_COLUMNS = 16_384;
    private static final byte[] NO_STRINGS =
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".getBytes();

    private XlsxSheet() {
    }

    static void read(byte[] content, RecordSink sink) {
        // the zip's central directory, read from the bytes in memory: each part found by name and inflated as it is
        // read (the JDK's ZipInputStream refuses the entries with data descriptors that streaming writers produce)
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            Workbook workbook = workbook(zip);
            byte[] styles = part(zip, workbook.styles());
            byte[] strings = part(zip, workbook.strings());
            CellText text = new CellText(workbook.date1904());
            ContentHandler handler = new XSSFSheetXMLHandler(
                    styles == null ? new StylesTable() : new StylesTable(new ByteArrayInputStream(styles)),
                    new ReadOnlySharedStringsTable(new ByteArrayInputStream(strings == null ? NO_STRINGS : strings)),
                    new SheetRows(sink, text), text, false);
            ZipArchiveEntry sheet = zip.getEntry(workbook.sheet());
            if (sheet == null) {
                throw new IllegalArgumentException("the first sheet's part is missing");
            }
            try (InputStream in = zip.getInputStream(sheet)) {
                XMLReader reader = XMLHelper.newXMLReader();
                reader.setContentHandler(handler);
                reader.parse(new InputSource(in));
            }
        } catch (Enough enough) {
            // the sink has what it wants
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof SAXException sax && sax.getException() instanceof Enough) {
                return;
            }
            throw new IllegalArgumentException("not a readable .xlsx workbook: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The first sheet's part, the styles and shared strings parts (null when absent) and the date system. */
    private record Workbook(String sheet, String styles, String strings, boolean date1904) {
    }

    private static Workbook workbook(ZipFile zip) throws IOException, SAXException, ParserConfigurationException {
        byte[] workbook = part(zip, WORKBOOK);
        byte[] relationships = part(zip, WORKBOOK_RELS);
        if (workbook == null || relationships == null) {
            throw new IllegalArgumentException("no workbook part");
        }
        String[] firstSheet = {null};
        boolean[] date1904 = {false};
        parse(workbook, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("sheet") && firstSheet[0] == null) {
                    firstSheet[0] = attributes.getValue(RELATIONSHIPS, "id");
                } else if (localName.equals("workbookPr")) {
                    String value = attributes.getValue("date1904");
                    date1904[0] = "1".equals(value) || "true".equals(value);
                }
            }
        });
        Map<String, String> targets = new HashMap<>();
        String[] styles = {null};
        String[] strings = {null};
        parse(relationships, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (!localName.equals("Relationship")) {
                    return;
                }
                String target = resolve(attributes.getValue("Target"));
                String type = String.valueOf(attributes.getValue("Type"));
                targets.put(attributes.getValue("Id"), target);
                if (type.endsWith("/styles")) {
                    styles[0] = target;
                } else if (type.endsWith("/sharedStrings")) {
                    strings[0] = target;
                }
            }
        });
        String sheet = targets.get(firstSheet[0]);
        if (sheet == null) {
            throw new IllegalArgumentException("no first sheet");
        }
        return new Workbook(sheet, styles[0], strings[0], date1904[0]);
    }

    /** A relationship's target as a zip entry name: relative to xl/, or absolute from the package's root. */
    private static String resolve(String target) {
        if (target == null) {
            return null;
        }
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }

    /** A part's bytes (at most {@link #MAX_PART}), or null when the name is null or the part absent. */
    private static byte[] part(ZipFile zip, String name) throws IOException {
        ZipArchiveEntry entry = name == null ? null : zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_PART + 1);
            if (bytes.length > MAX_PART) {
                throw new IllegalArgumentException("part " + name + " too large");
            }
            return bytes;
        }
    }

    private static void parse(byte[] xml, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(new ByteArrayInputStream(xml)));
    }

    /** Thrown through the parser when the sink wants no more records. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** The sheet's rows as records: a row missing from the file is an empty record, a missing cell a null. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RecordSink sink;
        private final CellText text;
        private int number;
        private List<String> cells = new ArrayList<>();
        private Set<Integer> numeric = new HashSet<>();

        SheetRows(RecordSink sink, CellText text) {
            this.sink = sink;
            this.text = text;
        }

        @Override
        public void startRow(int rowNum) {
            while (number < rowNum) {
                give(List.of(), Set.of());
            }
            cells = new ArrayList<>();
            numeric = new HashSet<>();
        }

        @Override
        public void endRow(int rowNum) {
            give(cells, numeric);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            boolean number = text.tookNumber();
            if (column < 0 || column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() < column) {
                cells.add(null);
            }
            if (number) {
                numeric.add(column);
            }
            if (cells.size() == column) {
                cells.add(value);
            } else {
                cells.set(column, value);
            }
        }

        private void give(List<String> record, Set<Integer> numbers) {
            if (!sink.accept(++number, record, numbers)) {
                throw new Enough();
            }
        }
    }

    /**
     * A number cell's text: a date as an ISO date, a whole number with all its digits, any other number as its
     * format shows it. It notes that the cell it formatted was a number (not a date), for the cell that follows.
     */
    private static final class CellText extends DataFormatter {

        private final boolean date1904;
        /** Set when a number is formatted; the parser calls the row handler for the same cell right after. */
        private boolean number;

        CellText(boolean date1904) {
            this.date1904 = date1904;
        }

        boolean tookNumber() {
            boolean was = number;
            number = false;
            return was;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            number = true;
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? BigDecimal.valueOf(value).toBigInteger().toString()
                    : super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
