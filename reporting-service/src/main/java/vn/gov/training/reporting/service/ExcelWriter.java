package vn.gov.training.reporting.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jakarta.enterprise.context.ApplicationScoped;

/** Writes an {@link ExcelTable} as .xlsx: bold headings, dd/MM/yyyy dates, VND with thousands separators. */
@ApplicationScoped
public class ExcelWriter {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] write(ExcelTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Báo cáo");
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle title = book.createCellStyle();
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            CellStyle heading = bordered(book);
            heading.setFont(bold);
            heading.setWrapText(true);
            CellStyle text = bordered(book);
            CellStyle count = bordered(book);
            count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            CellStyle vnd = bordered(book);
            vnd.setDataFormat(book.createDataFormat().getFormat("#,##0 \"₫\""));
            CellStyle date = bordered(book);
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle percent = bordered(book);
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));

            int r = 0;
            Cell t = sheet.createRow(r++).createCell(0);
            t.setCellValue(table.title());
            t.setCellStyle(title);
            for (String note : table.notes()) {
                sheet.createRow(r++).createCell(0).setCellValue(note);
            }
            r++;
            Row head = sheet.createRow(r++);
            List<ExcelTable.Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(columns.get(c).heading());
                cell.setCellStyle(heading);
            }
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size() && c < values.size(); c++) {
                    Object v = values.get(c);
                    Cell cell = row.createCell(c);
                    switch (columns.get(c).kind()) {
                        case TEXT -> cell.setCellStyle(text);
                        case COUNT -> cell.setCellStyle(count);
                        case VND -> cell.setCellStyle(vnd);
                        case DATE -> cell.setCellStyle(date);
                        case PERCENT -> cell.setCellStyle(percent);
                    }
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, c == 0 ? 40 * 256 : 16 * 256);
            }
            sheet.createFreezePane(0, table.notes().size() + 3);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CellStyle bordered(XSSFWorkbook book) {
        CellStyle style = book.createCellStyle();
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
