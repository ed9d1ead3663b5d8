package vn.gov.training.personnel.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.training.personnel.domain.Gender;
import vn.gov.training.personnel.domain.StaffCategory;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Cells;
import vn.gov.training.platform.imports.ImportTemplate;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.text.VietnameseText;

/**
 * The staff-list file format (read by the platform's {@link TabularFile}: .xlsx or .csv), one header row with the
 * Vietnamese column names below, one person per row. Dates dd/mm/yyyy (or ISO, or Excel dates: the platform's
 * {@link Cells}).
 */
public final class ImportFormat {

    /** Column headers in template order, and the field each fills. */
    public static final Map<String, String> COLUMNS = columns();
    /**
     * The file's columns: without the first six the file is refused; a national ID or phone number typed into a
     * number cell gets its leading zero back.
     */
    public static final TabularFile.Columns TABLE = TabularFile.Columns.of(COLUMNS, List.of("Số định danh cá nhân",
                    "Họ và tên", "Ngày sinh", "Giới tính", "Đối tượng", "Mã đơn vị"))
            .withLeadingZero("nationalId", 12).withLeadingZero("phone", 10).unique("nationalId");

    private ImportFormat() {
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("Số định danh cá nhân", "nationalId");
        c.put("Họ và tên", "fullName");
        c.put("Ngày sinh", "dateOfBirth");
        c.put("Giới tính", "gender");
        c.put("Dân tộc", "ethnicity");
        c.put("Đối tượng", "category");
        c.put("Mã đơn vị", "orgUnitCode");
        c.put("Mã vị trí việc làm", "jobPositionCode");
        c.put("Mã chức danh", "titleCode");
        c.put("Mã ngạch", "rankCode");
        c.put("Diện quản lý", "managementTier");
        c.put("Ngày bắt đầu công tác", "startedServiceOn");
        c.put("Thư điện tử", "email");
        c.put("Điện thoại", "phone");
        return c;
    }

    /** Converts a row's cells to staff-record fields; unreadable cells become errors and null fields. */
    public static PersonFields fields(TabularFile.Row row, List<CellError> errors) {
        return new PersonFields(row.cell("nationalId"), row.cell("fullName"), Cells.date(row, "dateOfBirth", errors),
                gender(row.cell("gender"), errors), row.cell("ethnicity"), category(row.cell("category"), errors),
                row.cell("orgUnitCode"), row.cell("jobPositionCode"), row.cell("titleCode"), row.cell("rankCode"),
                row.cell("managementTier"), Cells.date(row, "startedServiceOn", errors), row.cell("email"),
                row.cell("phone"));
    }

    private static Gender gender(String text, List<CellError> errors) {
        if (text == null) {
            return null;
        }
        switch (VietnameseText.fold(text)) {
            case "nam", "male":
                return Gender.MALE;
            case "nu", "female":
                return Gender.FEMALE;
            default:
                errors.add(new CellError("gender", "unknown-value", text));
                return null;
        }
    }

    private static StaffCategory category(String text, List<CellError> errors) {
        if (text == null) {
            return null;
        }
        switch (VietnameseText.fold(text).replace('_', ' ')) {
            case "can bo", "cadre":
                return StaffCategory.CADRE;
            case "cong chuc", "civil servant":
                return StaffCategory.CIVIL_SERVANT;
            case "vien chuc", "public employee":
                return StaffCategory.PUBLIC_EMPLOYEE;
            default:
                errors.add(new CellError("category", "unknown-value", text));
                return null;
        }
    }

    private static final List<String> EXAMPLE = List.of("093185012345", "Nguyễn Thị Hồng Khang", "12/04/1985", "Nữ",
            "Kinh", "Công chức", "HG.VT.P1", "", "", "SPECIALIST", "", "01/08/2009", "khang.nth@haugiang.gov.vn",
            "0901234567");

    /** The template: the headings, and one example row. */
    public static final ImportTemplate TEMPLATE = new ImportTemplate(TABLE, "Danh sách cán bộ", EXAMPLE,
            "mau-danh-sach-can-bo");
}
