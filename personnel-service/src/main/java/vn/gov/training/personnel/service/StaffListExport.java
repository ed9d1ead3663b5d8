package vn.gov.training.personnel.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.gov.training.personnel.domain.JobPosition;
import vn.gov.training.personnel.domain.NationalId;
import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Rank;
import vn.gov.training.personnel.domain.Title;
import vn.gov.training.platform.vocabulary.Words;

/**
 * The staff list as an Excel file: the columns of the import template (so a full export imports back), then the names
 * behind the codes and the status, in the words of the system's one vocabulary ({@code vocabulary.properties}). A row
 * the caller may not see in full has its national ID masked and only the year of birth, as the API shows it.
 */
@ApplicationScoped
public class StaffListExport {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Words WORDS = Words.load(StaffListExport.class);

    /** One person, and whether the caller sees their personal data. */
    public record Line(Person person, boolean full) {
    }

    public byte[] write(List<Line> lines) {
        List<String> headings = new java.util.ArrayList<>(ImportFormat.COLUMNS.keySet());
        headings.addAll(List.of("Tên đơn vị", "Vị trí việc làm", "Chức vụ", "Ngạch", word("field.status")));
        Map<String, String> units = new HashMap<>();
        Map<String, String> positions = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> ranks = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách cán bộ");
            Row header = sheet.createRow(0);
            for (int c = 0; c < headings.size(); c++) {
                header.createCell(c).setCellValue(headings.get(c));
                sheet.setColumnWidth(c, 22 * 256);
            }
            int r = 1;
            for (Line line : lines) {
                Person p = line.person();
                List<String> cells = List.of(line.full() ? p.nationalId : NationalId.mask(p.nationalId), p.fullName,
                        line.full() ? p.dateOfBirth.format(VN) : String.valueOf(p.dateOfBirth.getYear()),
                        word(p.gender.name()), text(p.ethnicity), word(p.category.name()), p.orgUnitCode,
                        text(p.jobPositionCode), text(p.titleCode), text(p.rankCode), text(p.managementTier),
                        p.startedServiceOn == null ? "" : p.startedServiceOn.format(VN), text(p.email), text(p.phone),
                        name(units, p.orgUnitCode, c -> OrgUnitVersion.latest(c).map(v -> v.name).orElse(c)),
                        name(positions, p.jobPositionCode, c -> {
                            JobPosition j = JobPosition.findById(c);
                            return j == null ? c : j.name;
                        }),
                        name(titles, p.titleCode, c -> {
                            Title t = Title.findById(c);
                            return t == null ? c : t.name;
                        }),
                        name(ranks, p.rankCode, c -> {
                            Rank k = Rank.findById(c);
                            return k == null ? c : k.name;
                        }),
                        word(p.status.name()));
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Map<String, String> cache, String code, Function<String, String> lookup) {
        return code == null ? "" : cache.computeIfAbsent(code, lookup);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String word(String key) {
        return WORDS.word(key, key);
    }
}
