package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * The staff list as an Excel file with the search's filters: the unit's officer gets the full national ID and date of
 * birth of their unit's people, a leader (who reads but does not keep the records) the masked ID and the year of
 * birth; the columns are the import template's, then the names; roles without the list get no file.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StaffListExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theStaffListExportsWithTheFiltersMaskedAsTheRoleRequires() throws IOException {
        TestData.ensureUnits();
        Map<String, Object> body = TestData.person("Lý Thị Xuất Tệp", "FEMALE", "HG.VT");
        TestData.register(body);
        String nationalId = (String) body.get("nationalId");

        // the search's own filter: 12 digits find the person by national ID
        List<List<String>> officer = sheet("unit-officer", nationalId);
        assertEquals(List.of("Số định danh cá nhân", "Họ và tên", "Ngày sinh", "Giới tính"),
                officer.get(0).subList(0, 4));
        assertTrue(officer.get(0).contains("Tên đơn vị") && officer.get(0).contains("Trạng thái"), "names follow");
        assertEquals(2, officer.size(), "the filter keeps one person: " + officer);
        List<String> row = officer.get(1);
        assertEquals(nationalId, row.get(0), "the officer of the unit sees the full ID");
        assertEquals("12/04/1985", row.get(2));
        assertEquals("Nữ", row.get(3));
        assertEquals("Công chức", row.get(5));
        assertEquals("Đang công tác", row.get(row.size() - 1));

        List<String> leader = sheet("leader", nationalId).get(1);
        assertTrue(leader.get(0).contains("*") && !leader.get(0).equals(nationalId), "masked for a leader: " + leader);
        assertEquals("1985", leader.get(2), "only the year of birth");

        given().header("Authorization", Tokens.bearer("institution-staff")).accept(XLSX)
                .get("/api/personnel/export?unit=HG.VT").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("staff")).accept(XLSX)
                .get("/api/personnel/export?unit=HG.VT").then().statusCode(403);
    }

    private static List<List<String>> sheet(String role, String q) throws IOException {
        byte[] file = given().header("Authorization", Tokens.bearer(role)).accept(XLSX)
                .queryParam("q", q).queryParam("unit", "HG.VT").queryParam("includeSubunits", true)
                .get("/api/personnel/export").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getLastCellNum(); c++) {
                    cells.add(r.getCell(c) == null ? "" : format.formatCellValue(r.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
