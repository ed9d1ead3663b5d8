package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/** Staff-list imports with good and bad rows, both modes, re-import, xlsx and csv, scope. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ImportTest {

    static final String HEADER = "Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Đối tượng,Mã đơn vị,"
            + "Mã ngạch,Ngày bắt đầu công tác,Điện thoại";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    static JsonPath upload(String user, byte[] file, String contentType, String mode) {
        return upload("/api/personnel/imports", user, file, contentType, mode);
    }

    /** Uploads a file to the import at {@code path} and waits for its job to end. */
    static JsonPath upload(String path, String user, byte[] file, String contentType, String mode) {
        String location = given().header("Authorization", Tokens.bearer(user)).contentType(contentType).body(file)
                .queryParam("mode", mode).queryParam("fileName", "danh-sach.csv")
                .post(path).then().statusCode(202).extract().header("Location");
        return Poll.until(Duration.ofSeconds(60), () -> given().header("Authorization", Tokens.bearer(user))
                        .get(location).then().statusCode(200).extract().jsonPath(),
                job -> !"RUNNING".equals(job.getString("status")));
    }

    static long found(String nationalId) {
        return given().header("Authorization", Tokens.bearer("admin")).queryParam("q", nationalId)
                .get("/api/personnel").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void goodAndBadRowsInBothModesAndReimportChangesNothing() {
        LocalDate born = LocalDate.of(1990, 3, 5);
        String a = TestData.nationalId("MALE", born);
        String b = TestData.nationalId("FEMALE", born);
        String c = TestData.nationalId("FEMALE", born);
        String csv = HEADER + "\n"
                + a + ",Nguyễn Văn Nhập,05/03/1990,Nam,Kinh,Công chức,HG.VT,SPECIALIST,01/09/2012,0901000001\n"
                + b + ",\"Trần Thị Nhập\",05/03/1990,Nữ,Kinh,Viên chức,HG.VT.P1,,1/9/2013,\n"
                + c + ",Lê Thị Ba,1990-03-05,nữ,Khmer,Cán bộ,HG.CT,,,\n"
                + "093085123456,Phạm Văn Sai,05/03/1990,Nam,Kinh,Công chức,HG.VT,,,\n"
                + "093190123456,Võ Thị Lỗi,31/02/1990,Nữ,Kinh,Công chức,NO.UNIT,,,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonPath rejected = upload("admin", file, "text/csv", "ALL_OR_NOTHING");
        assertEquals("REJECTED", rejected.getString("status"), rejected.prettify());
        assertEquals(2, rejected.getInt("errorRows"), rejected.prettify());
        assertEquals(List.of(5, 6, 6), rejected.getList("errors.row"));
        assertEquals(List.of("nationalId", "dateOfBirth", "orgUnitCode"), rejected.getList("errors.field"));
        assertEquals("national-id-birth-year", rejected.getString("errors[0].code"));
        assertEquals(0, found(a));

        JsonPath partial = upload("admin", file, "text/csv", "VALID_ROWS");
        assertEquals("COMPLETED", partial.getString("status"), partial.prettify());
        assertEquals(3, partial.getInt("created"));
        assertEquals(2, partial.getInt("errorRows"));
        assertEquals(5, partial.getInt("processedRows"));
        assertEquals(1, found(a));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", c).get("/api/personnel")
                .then().body("items[0].fullName", equalTo("Lê Thị Ba")).body("items[0].category", equalTo("CADRE"))
                .body("items[0].orgUnitCode", equalTo("HG.CT"));

        JsonPath again = upload("admin", file, "text/csv", "VALID_ROWS");
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(3, again.getInt("unchanged"));
    }

    @Test
    void anXlsxFileUpdatesChangedRowsAndOfficersImportOnlyIntoTheirSubtree() throws IOException {
        LocalDate born = LocalDate.of(1979, 11, 20);
        String a = TestData.nationalId("MALE", born);
        String b = TestData.nationalId("FEMALE", born);
        byte[] first = xlsx(List.of(
                List.of(a, "Huỳnh Văn Excel", "20/11/1979", "Nam", "Kinh", "Công chức", "HG.VT", "SPECIALIST", "", "")));
        JsonPath created = upload("unit-officer", first, XLSX, "ALL_OR_NOTHING");
        assertEquals("COMPLETED", created.getString("status"), created.prettify());
        assertEquals(1, created.getInt("created"));

        byte[] second = xlsx(List.of(
                List.of(a, "Huỳnh Văn Excel", "20/11/1979", "Nam", "Kinh", "Công chức", "HG.VT", "PRINCIPAL_SPECIALIST",
                        "", "0912345678"),
                List.of(b, "Đoàn Thị Ngoài", "20/11/1979", "Nữ", "Kinh", "Công chức", "HG.CT", "", "", "")));
        JsonPath outOfScope = upload("unit-officer", second, XLSX, "VALID_ROWS");
        assertEquals(1, outOfScope.getInt("updated"), outOfScope.prettify());
        assertEquals(List.of(3), outOfScope.getList("errors.row"));
        assertEquals("unit-out-of-scope", outOfScope.getString("errors[0].code"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", a).get("/api/personnel")
                .then().body("items[0].rankCode", equalTo("PRINCIPAL_SPECIALIST"))
                .body("items[0].phone", equalTo("0912345678"));
        assertEquals(0, found(b));
    }

    @Test
    void numberCellsGetBackTheLeadingZeroOfNationalIdsAndPhoneNumbers() throws IOException {
        String id = TestData.nationalId("FEMALE", LocalDate.of(1988, 2, 14));
        byte[] file = xlsx(List.of(List.of("#" + id, "Tạ Thị Số", "14/02/1988", "Nữ", "Kinh", "Công chức", "HG.VT",
                "SPECIALIST", "", "#0912345679")));
        JsonPath job = upload("admin", file, XLSX, "ALL_OR_NOTHING");
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("created"), job.prettify());
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", id).get("/api/personnel")
                .then().body("total", equalTo(1)).body("items[0].nationalId", equalTo(id))
                .body("items[0].phone", equalTo("0912345679"));
    }

    @Test
    void theTemplateHasTheVietnameseHeaders() throws IOException {
        byte[] template = given().header("Authorization", Tokens.bearer("unit-officer"))
                .get("/api/personnel/imports/template").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertEquals("Số định danh cá nhân", header.getCell(0).getStringCellValue());
            assertEquals("Họ và tên", header.getCell(1).getStringCellValue());
        }
        given().header("Authorization", Tokens.bearer("staff")).get("/api/personnel/imports/template")
                .then().statusCode(403);
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        return xlsx(HEADER, rows);
    }

    /** A workbook with the comma-separated headings and the rows; a cell starting with # is a number cell. */
    static byte[] xlsx(String headings, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Cán bộ");
            String[] headers = headings.split(",");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    String value = rows.get(r).get(i);
                    if (value.startsWith("#")) {
                        // typed into a number cell, as Excel users do with IDs and phone numbers
                        row.createCell(i).setCellValue(Double.parseDouble(value.substring(1)));
                    } else {
                        row.createCell(i).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
