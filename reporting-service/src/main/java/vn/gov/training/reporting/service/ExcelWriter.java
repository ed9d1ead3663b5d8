package vn.gov.training.reporting.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes an {@link ExcelTable} as .xlsx: bold headings (two levels, merged, when columns are grouped), dd/MM/yyyy
 * dates, VND with thousands separators. Every file prints on landscape A4, fitted to the page width, with its header
 * rows repeated on each page. A table with a {@link ExcelTable.Form} is written as the Ministry's form: national
 * motto, form number and issuing body, reporting unit, title, "Kính gửi", an STT column, a row of column numbers,
 * the total in bold, the place and date, and the signature blocks.
 */
@ApplicationScoped
public class ExcelWriter {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc";
    public static final String PREPARER = "NGƯỜI LẬP BIỂU";
    public static final String HEAD_OF_UNIT = "THỦ TRƯỞNG ĐƠN VỊ";

    /** The cell styles of one workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle titleCentred;
        final CellStyle stt;
        final CellStyle bold;
        final CellStyle boldCentred;
        final CellStyle mottoLine;
        final CellStyle italicCentred;
        final CellStyle centred;
        final CellStyle note;
        final CellStyle heading;
        final CellStyle number;
        final CellStyle text;
        final CellStyle count;
        final CellStyle vnd;
        final CellStyle date;
        final CellStyle percent;
        final CellStyle totalText;
        final CellStyle totalCount;
        final CellStyle totalVnd;

        Styles(XSSFWorkbook book) {
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font italic = book.createFont();
            italic.setItalic(true);
            Font underlined = book.createFont();
            underlined.setBold(true);
            underlined.setUnderline(Font.U_SINGLE);
            title = book.createCellStyle();
            title.setFont(big);
            titleCentred = centred(book, big);
            bold = book.createCellStyle();
            bold.setFont(boldFont);
            boldCentred = centred(book, boldFont);
            mottoLine = centred(book, underlined);
            italicCentred = centred(book, italic);
            centred = centred(book, null);
            note = book.createCellStyle();
            note.setFont(italic);
            heading = bordered(book);
            heading.setFont(boldFont);
            heading.setWrapText(true);
            heading.setAlignment(HorizontalAlignment.CENTER);
            heading.setVerticalAlignment(VerticalAlignment.CENTER);
            stt = bordered(book);
            stt.setAlignment(HorizontalAlignment.CENTER);
            number = bordered(book);
            number.setFont(italic);
            number.setAlignment(HorizontalAlignment.CENTER);
            text = bordered(book);
            text.setWrapText(true);
            count = bordered(book);
            count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            vnd = bordered(book);
            vnd.setDataFormat(book.createDataFormat().getFormat("#,##0 \"₫\""));
            date = bordered(book);
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            percent = bordered(book);
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            totalText = bordered(book);
            totalText.setFont(boldFont);
            totalCount = bordered(book);
            totalCount.setFont(boldFont);
            totalCount.setDataFormat(count.getDataFormat());
            totalVnd = bordered(book);
            totalVnd.setFont(boldFont);
            totalVnd.setDataFormat(vnd.getDataFormat());
        }

        CellStyle of(ExcelTable.Kind kind, boolean total) {
            return switch (kind) {
                case TEXT -> total ? totalText : text;
                case COUNT -> total ? totalCount : count;
                case VND -> total ? totalVnd : vnd;
                case DATE -> date;
                case PERCENT -> percent;
            };
        }

        private static CellStyle centred(XSSFWorkbook book, Font font) {
            CellStyle style = book.createCellStyle();
            if (font != null) {
                style.setFont(font);
            }
            style.setAlignment(HorizontalAlignment.CENTER);
            style.setWrapText(true);
            return style;
        }

        private static CellStyle bordered(XSSFWorkbook book) {
            CellStyle style = book.createCellStyle();
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }

    public byte[] write(ExcelTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Báo cáo");
            Styles styles = new Styles(book);
            ExcelTable.Form form = table.form();
            // the form adds an STT column before the table's own
            int offset = form == null ? 0 : 1;
            int width = table.columns().size() + offset;
            int last = Math.max(width - 1, 1);
            int split = Math.max(1, width / 2);

            int r = 0;
            if (form != null) {
                r = frame(sheet, styles, form, split, last);
                r = merged(sheet, r, last, table.title(), styles.titleCentred);
                if (form.recipient() != null) {
                    r = merged(sheet, r, last, "Kính gửi: " + form.recipient(), styles.boldCentred);
                }
                for (String note : table.notes()) {
                    r = merged(sheet, r, last, note, styles.italicCentred);
                }
            } else {
                Cell t = sheet.createRow(r++).createCell(0);
                t.setCellValue(table.title());
                t.setCellStyle(styles.title);
                for (String note : table.notes()) {
                    sheet.createRow(r++).createCell(0).setCellValue(note);
                }
            }
            r++;
            int headerFirst = r;
            r = header(sheet, styles, table, offset, r);
            if (form != null) {
                r = columnNumbers(sheet, styles, table, r);
            }
            int headerLast = r - 1;
            List<List<Object>> rows = table.rows();
            for (int i = 0; i < rows.size(); i++) {
                boolean total = form != null && form.lastRowIsTotal() && i == rows.size() - 1;
                Row row = sheet.createRow(r++);
                if (form != null) {
                    Cell stt = row.createCell(0);
                    stt.setCellStyle(styles.stt);
                    if (!total) {
                        stt.setCellValue(i + 1);
                    }
                }
                values(row, styles, table.columns(), rows.get(i), offset, total);
            }
            if (form != null) {
                r = signatures(sheet, styles, form, r + 1, split, last);
            }
            for (int c = 0; c < width; c++) {
                int chars = form != null && c == 0 ? 6 : c == offset ? 36 : form != null ? 12 : 16;
                sheet.setColumnWidth(c, chars * 256);
            }
            sheet.createFreezePane(offset + 1, headerLast + 1);
            printSetup(sheet, headerFirst, headerLast);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Landscape A4, the width of the page, the header rows again on every page. */
    private static void printSetup(Sheet sheet, int headerFirst, int headerLast) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.5);
        sheet.setMargin(Sheet.BottomMargin, 0.5);
        sheet.setRepeatingRows(new CellRangeAddress(headerFirst, headerLast, -1, -1));
    }

    /** The top of the form: form number and issuing body, reporting unit (left); the national motto (right). */
    private static int frame(Sheet sheet, Styles styles, ExcelTable.Form form, int split, int last) {
        int r = 0;
        pair(sheet, r++, split, last, form.formNumber(), styles.bold, MOTTO, styles.boldCentred);
        pair(sheet, r++, split, last, form.issuingBody(), styles.note, MOTTO_LINE, styles.mottoLine);
        pair(sheet, r++, split, last, "Đơn vị báo cáo: " + form.reportingUnit(), styles.bold, null, null);
        return r + 1;
    }

    /** The place and date, then the preparer's and the head of unit's signature blocks. */
    private static int signatures(Sheet sheet, Styles styles, ExcelTable.Form form, int r, int split, int last) {
        LocalDate d = form.date();
        String placeAndDate = "%s, ngày %02d tháng %02d năm %d".formatted(form.place(), d.getDayOfMonth(),
                d.getMonthValue(), d.getYear());
        pair(sheet, r++, split, last, null, null, placeAndDate, styles.italicCentred);
        pair(sheet, r++, split, last, PREPARER, styles.boldCentred, HEAD_OF_UNIT, styles.boldCentred);
        pair(sheet, r++, split, last, "(Ký, ghi rõ họ tên)", styles.italicCentred,
                "(Ký tên, đóng dấu, ghi rõ họ tên)", styles.italicCentred);
        return r;
    }

    /** One row with a block on the left (columns 0..split-1) and one on the right (split..last), each merged. */
    private static void pair(Sheet sheet, int r, int split, int last, String left, CellStyle leftStyle, String right,
                             CellStyle rightStyle) {
        Row row = sheet.createRow(r);
        if (left != null) {
            block(sheet, row, 0, split - 1, left, leftStyle);
        }
        if (right != null) {
            block(sheet, row, Math.min(split, last), last, right, rightStyle);
        }
    }

    private static void block(Sheet sheet, Row row, int from, int to, String value, CellStyle style) {
        Cell cell = row.createCell(from);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), from, to));
        }
    }

    /** A row of one text across the whole width. */
    private static int merged(Sheet sheet, int r, int last, String value, CellStyle style) {
        block(sheet, sheet.createRow(r), 0, last, value, style);
        return r + 1;
    }

    /**
     * The column headings: one row, or two when columns are grouped (a group's heading merged across its columns,
     * an ungrouped column's heading merged down both rows). The form's STT column comes first.
     */
    private static int header(Sheet sheet, Styles styles, ExcelTable table, int offset, int r) {
        List<ExcelTable.Column> columns = table.columns();
        boolean two = table.grouped();
        Row top = sheet.createRow(r);
        Row bottom = two ? sheet.createRow(r + 1) : top;
        if (offset == 1) {
            headingCell(sheet, top, bottom, 0, "STT", styles.heading);
        }
        for (int c = 0; c < columns.size(); c++) {
            ExcelTable.Column column = columns.get(c);
            int x = c + offset;
            if (!two || column.group() == null) {
                headingCell(sheet, top, bottom, x, column.heading(), styles.heading);
                continue;
            }
            int end = c;
            while (end + 1 < columns.size() && column.group().equals(columns.get(end + 1).group())) {
                end++;
            }
            for (int g = c; g <= end; g++) {
                Cell groupCell = top.createCell(g + offset);
                groupCell.setCellStyle(styles.heading);
                Cell own = bottom.createCell(g + offset);
                own.setCellValue(columns.get(g).heading());
                own.setCellStyle(styles.heading);
            }
            top.getCell(x).setCellValue(column.group());
            if (end > c) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, x, end + offset));
            }
            c = end;
        }
        if (two) {
            bottom.setHeightInPoints(48);
        } else {
            top.setHeightInPoints(48);
        }
        return r + (two ? 2 : 1);
    }

    /** A heading cell spanning both header rows when there are two. */
    private static void headingCell(Sheet sheet, Row top, Row bottom, int x, String text, CellStyle style) {
        Cell cell = top.createCell(x);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        if (bottom != top) {
            bottom.createCell(x).setCellStyle(style);
            sheet.addMergedRegion(new CellRangeAddress(top.getRowNum(), bottom.getRowNum(), x, x));
        }
    }

    /** The row of column numbers under the headings: A for STT, B for the label column, then 1, 2, 3… */
    private static int columnNumbers(Sheet sheet, Styles styles, ExcelTable table, int r) {
        Row row = sheet.createRow(r);
        List<ExcelTable.Column> columns = table.columns();
        int n = 1;
        for (int x = 0; x <= columns.size(); x++) {
            Cell cell = row.createCell(x);
            cell.setCellStyle(styles.number);
            if (x == 0) {
                cell.setCellValue("A");
            } else if (x == 1 && columns.get(0).kind() == ExcelTable.Kind.TEXT) {
                cell.setCellValue("B");
            } else {
                cell.setCellValue(String.valueOf(n++));
            }
        }
        return r + 1;
    }

    private static void values(Row row, Styles styles, List<ExcelTable.Column> columns, List<Object> values,
                               int offset, boolean total) {
        for (int c = 0; c < columns.size() && c < values.size(); c++) {
            Object v = values.get(c);
            Cell cell = row.createCell(c + offset);
            cell.setCellStyle(styles.of(columns.get(c).kind(), total));
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
        }
    }
}
