package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/** A class's results uploaded from Excel: the template, good and bad rows, both modes, and uploading again. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ResultsImportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void units() {
        Copies.units();
    }

    @Test
    void theTemplateListsTheLearnersAndTheUploadIsCheckedLikeTheSheetInBothModesAndIdempotent() throws IOException {
        Map<String, Object> a = Copies.person(UUID.randomUUID());
        a.put("fullName", "Võ Văn Bình");
        Map<String, Object> b = Copies.person(UUID.randomUUID());
        b.put("fullName", "Lê Thị An");
        Map<String, Object> c = Copies.person(UUID.randomUUID());
        c.put("fullName", "Phạm Minh Châu");
        Map<String, Object> d = Copies.person(UUID.randomUUID());
        d.put("fullName", "Trần Quốc Dũng");
        Map<String, Object> notApproved = Copies.person(UUID.randomUUID());
        notApproved.put("fullName", "Đỗ Văn Em");
        Copies.people(List.of(a, b, c, d, notApproved));
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        UUID classId = UUID.fromString((String) cls.get("classId"));
        Map<String, String> ids = new HashMap<>();
        for (Map<String, Object> p : List.of(a, b, c, d)) {
            String id = Api.nominated(UUID.fromString((String) p.get("personnelId")), classId);
            Api.approve(id);
            ids.put((String) p.get("fullName"), id);
        }
        Api.nominated(UUID.fromString((String) notApproved.get("personnelId")), classId); // only nominated
        Copies.started(cls, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 4));

        // the template: Vietnamese headers, one prefilled row per learner who can receive a result, by given name
        byte[] template = given().header("Authorization", Tokens.bearer("institution-staff"))
                .get("/api/class-enrolments/" + classId + "/results/template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        List<List<String>> table = read(template);
        assertEquals(List.of("Mã lượt cử đi học", "Họ và tên", "Kết quả", "Xếp loại", "Số văn bằng, chứng chỉ",
                "Ngày cấp", "Số tiết tham gia", "Ngày hoàn thành, không đạt hoặc thôi học",
                "Lý do (không đạt, thôi học)"), table.get(0));
        assertEquals(List.of("Lê Thị An", "Võ Văn Bình", "Phạm Minh Châu", "Trần Quốc Dũng"),
                table.subList(1, table.size()).stream().map(r -> r.get(1)).toList());
        assertEquals(ids.get("Lê Thị An"), table.get(1).get(0));

        String credential = "XL-" + Copies.suffix();
        Map<String, List<String>> filled = new HashMap<>();
        filled.put(ids.get("Võ Văn Bình"), List.of("Hoàn thành", "Giỏi", credential, "05/03/2026", "236",
                "04/03/2026", ""));
        filled.put(ids.get("Lê Thị An"), List.of("Không đạt", "", "", "", "", "", "Vắng quá số tiết quy định"));
        filled.put(ids.get("Phạm Minh Châu"), List.of("Thôi học", "", "", "", "", "", "")); // no reason: refused
        filled.put(ids.get("Trần Quốc Dũng"), List.of("Hoàn thành", "Tốt", "", "", "", "", "")); // unknown grade
        byte[] upload = fill(template, filled);

        // ALL_OR_NOTHING (the default): two bad rows, nothing saved
        JsonPath all = importFile(classId, upload, null).then().statusCode(200).extract().jsonPath();
        assertEquals(0, all.getInt("applied"));
        assertEquals(2, all.getInt("rejected"));
        Map<String, Object> chau = row(all, ids.get("Phạm Minh Châu"));
        assertEquals("REJECTED", chau.get("outcome"));
        assertEquals(4, chau.get("row")); // the row number as Excel shows it
        assertEquals("reason", field(chau));
        assertEquals("grade", field(row(all, ids.get("Trần Quốc Dũng"))));
        assertEquals("NOT_APPLIED", row(all, ids.get("Võ Văn Bình")).get("outcome"));
        Api.get("province-manager", "/api/enrolments/" + ids.get("Võ Văn Bình")).then()
                .body("status", equalTo("APPROVED"));
        Api.get("province-manager", "/api/enrolments/" + ids.get("Lê Thị An")).then()
                .body("status", equalTo("APPROVED"));

        // VALID_ROWS: the two good rows are saved, the two bad ones refused with the same errors
        JsonPath valid = importFile(classId, upload, "VALID_ROWS").then().statusCode(200).extract().jsonPath();
        assertEquals(2, valid.getInt("applied"));
        assertEquals(2, valid.getInt("rejected"));
        assertEquals("reason", field(row(valid, ids.get("Phạm Minh Châu"))));
        assertEquals("COMPLETED", row(valid, ids.get("Võ Văn Bình")).get("status"));
        Api.get("province-manager", "/api/enrolments/" + ids.get("Võ Văn Bình")).then()
                .body("status", equalTo("COMPLETED")).body("grade", equalTo("GOOD"))
                .body("credentialNumber", equalTo(credential)).body("credentialIssuedOn", equalTo("2026-03-05"))
                .body("periodsAttended", equalTo(236)).body("completedOn", equalTo("2026-03-04"));
        Api.get("province-manager", "/api/enrolments/" + ids.get("Lê Thị An")).then()
                .body("status", equalTo("FAILED")).body("reason", equalTo("Vắng quá số tiết quy định"));

        // the corrected file: the rows saved before are already recorded identically, the others are saved
        filled.put(ids.get("Phạm Minh Châu"), List.of("Thôi học", "", "", "", "", "15/01/2026", "Chuyển công tác"));
        filled.put(ids.get("Trần Quốc Dũng"), List.of("Hoàn thành", "FAIR", "", "", "", "", ""));
        byte[] corrected = fill(template, filled);
        JsonPath fixed = importFile(classId, corrected, "ALL_OR_NOTHING").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(2, fixed.getInt("applied"));
        assertEquals(2, fixed.getInt("unchanged"));
        assertEquals(0, fixed.getInt("rejected"));
        Api.get("province-manager", "/api/enrolments/" + ids.get("Phạm Minh Châu")).then()
                .body("status", equalTo("WITHDRAWN")).body("reason", equalTo("Chuyển công tác"))
                .body("withdrawnOn", equalTo("2026-01-15"));
        Api.get("province-manager", "/api/enrolments/" + ids.get("Trần Quốc Dũng")).then()
                .body("grade", equalTo("FAIR"));

        // uploading the same file again changes nothing, in either mode
        for (String mode : List.of("ALL_OR_NOTHING", "VALID_ROWS")) {
            JsonPath again = importFile(classId, corrected, mode).then().statusCode(200).extract().jsonPath();
            assertEquals(0, again.getInt("applied"));
            assertEquals(4, again.getInt("unchanged"));
            assertEquals(0, again.getInt("rejected"));
        }
        // each result was recorded (and audited, with who did it) exactly once
        Api.get("admin", "/api/enrolments/" + ids.get("Võ Văn Bình") + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("nominated", "approved", "completed")))
                .body("actor[2]", equalTo("institution-staff"));

        // not a workbook: 400 with its own code; a workbook without the columns: 400 naming them
        given().header("Authorization", Tokens.bearer("institution-staff")).header("Accept-Language", "en")
                .contentType(XLSX).body("name;grade\nAn;GOOD\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/class-enrolments/" + classId + "/results/import").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("results-file-not-xlsx"));
        importFile(classId, workbook(List.of(List.of("Tên", "Điểm"), List.of("An", "9"))), null).then()
                .statusCode(400).body("code", equalTo("results-file-columns"));
        // the raw file is also accepted as application/octet-stream
        given().header("Authorization", Tokens.bearer("institution-staff")).contentType("application/octet-stream")
                .body(corrected).post("/api/class-enrolments/" + classId + "/results/import").then().statusCode(200)
                .body("unchanged", equalTo(4));
    }

    @Test
    void onlyTheClassesInstitutionUploadsAndNothingIsToldAboutEnrolmentsBeforeThat() throws IOException {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        cls.put("institutionCode", "HVCTQG");
        Copies.classEvent("opened", cls);
        String classId = (String) cls.get("classId");
        byte[] file = workbook(List.of(List.of("Mã lượt cử đi học", "Kết quả", "Xếp loại"),
                List.of(UUID.randomUUID().toString(), "Hoàn thành", "Giỏi")));
        // another institution's staff: 403 before anything about the (unknown) enrolment is revealed
        importFile(UUID.fromString(classId), file, null).then().statusCode(403)
                .body("code", equalTo("not-class-institution"));
        given().header("Authorization", Tokens.bearer("institution-staff"))
                .get("/api/class-enrolments/" + classId + "/results/template").then().statusCode(403);
        Api.post("institution-staff", "/api/class-enrolments/" + classId + "/results", Map.of("rows",
                List.of(Map.of("enrolmentId", UUID.randomUUID().toString(), "outcome", "FAILED")))).then()
                .statusCode(403).body("code", equalTo("not-class-institution"));
        given().header("Authorization", Tokens.bearer("institution-staff")).contentType("application/json")
                .body(Map.of("sessionId", Copies.FIRST_SESSION, "entries", List.of(Map.of("enrolmentId",
                        UUID.randomUUID().toString(), "status", "PRESENT"))))
                .put("/api/class-enrolments/" + classId + "/attendance").then().statusCode(403);
        // unit officers do not record results at all
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(XLSX).body(file)
                .post("/api/class-enrolments/" + classId + "/results/import").then().statusCode(403);
        // the province may: the unknown enrolment is now a row error, not a failure of the upload
        JsonPath province = given().header("Authorization", Tokens.bearer("province-manager")).contentType(XLSX)
                .body(file).post("/api/class-enrolments/" + classId + "/results/import?mode=VALID_ROWS").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, province.getInt("rejected"));
        assertEquals("enrolment-not-found", province.getString("rows[0].errors[0].code"));
        assertEquals("enrolmentId", province.getString("rows[0].errors[0].field"));
    }

    private static Response importFile(UUID classId, byte[] content, String mode) {
        return given().header("Authorization", Tokens.bearer("institution-staff")).header("Accept-Language", "en")
                .contentType(XLSX).body(content)
                .post("/api/class-enrolments/" + classId + "/results/import" + (mode == null ? "" : "?mode=" + mode));
    }

    private static Map<String, Object> row(JsonPath result, String enrolmentId) {
        List<Map<String, Object>> rows = result.getList("rows");
        return rows.stream().filter(r -> enrolmentId.equals(r.get("enrolmentId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String field(Map<String, Object> row) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) row.get("errors");
        assertTrue(!errors.isEmpty(), "row has errors: " + row);
        assertTrue(errors.get(0).get("message") != null && !((String) errors.get(0).get("message")).isBlank());
        return (String) errors.get(0).get("field");
    }

    /** Fills the template's result columns (C..I) on the rows of the given enrolments, as a user would in Excel. */
    private static byte[] fill(byte[] template, Map<String, List<String>> values) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                Cell id = row.getCell(0);
                List<String> cells = id == null ? null : values.get(id.getStringCellValue());
                if (row.getRowNum() == 0 || cells == null) {
                    continue;
                }
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = row.createCell(c + 2);
                    if (c == 4 && !cells.get(c).isEmpty()) {
                        cell.setCellValue(Double.parseDouble(cells.get(c))); // periods typed as a number
                    } else {
                        cell.setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Kết quả");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<List<String>> read(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            List<List<String>> table = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                table.add(cells);
            }
            return table;
        }
    }
}
