package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.enrolment.domain.HistoryImportJob;
import vn.gov.training.platform.identity.NationalIdDigest;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.testing.EventContract;

/**
 * The historical training records import: turns named by national ID, programme (code, or category and level) and
 * class (code, or institution and dates: matched or created), published like turns recorded through the API; row
 * errors, both modes, importing twice, the unit officer's scope and the template.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class HistoryImportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADINGS = "Số định danh cá nhân,Mã chương trình,Loại chương trình,Trình độ,Mã lớp,"
            + "Mã cơ sở đào tạo,Ngày bắt đầu,Ngày kết thúc,Kết quả,Xếp loại,Ngày hoàn thành,"
            + "Số văn bằng/chứng chỉ,Kinh phí (VND),Nguồn kinh phí";

    @BeforeEach
    void units() {
        Copies.units();
    }

    /** A person of the copy with a national ID nobody else holds; {@code unit} their unit. */
    private static String person(Map<String, Object> p, String unit) {
        String nationalId = "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
        p.put("orgUnitCode", unit);
        p.put("nationalIdDigest", NationalIdDigest.of(nationalId));
        return nationalId;
    }

    /** A programme of the catalogue (published) with a level of its own, so category + level names only it. */
    private static Map<String, Object> program() {
        Map<String, Object> program = Copies.program(UUID.randomUUID());
        program.put("category", "FOREIGN_LANGUAGE");
        program.put("level", "L" + Copies.suffix());
        program.put("grantsLevel", null);
        Copies.programEvent("published", program);
        return program;
    }

    /** A class of course-service that ran in 2020 at TCT-HG. */
    private static Map<String, Object> pastClass(Map<String, Object> program) {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, 30);
        cls.put("startDate", "2020-03-02");
        cls.put("endDate", "2020-05-29");
        cls.put("status", "COMPLETED");
        Copies.classEvent("completed", cls);
        return cls;
    }

    private static String upload(String user, String csv, String mode) {
        String location = given().header("Authorization", Tokens.bearer(user)).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/enrolments/imports?mode=" + mode + "&fileName=lich-su.csv")
                .then().statusCode(202).body("status", equalTo("RUNNING"))
                .header("Location", startsWith("/api/enrolments/imports/")).extract().header("Location");
        return location;
    }

    private static JsonPath finished(String user, String location) {
        return Poll.until(Duration.ofSeconds(60), () -> given().header("Authorization", Tokens.bearer(user))
                .get(location).then().statusCode(200).extract().jsonPath(), j -> !"RUNNING".equals(j.getString("status")));
    }

    private static JsonPath history(Object personnelId) {
        return Api.get("province-manager", "/api/personnel/" + personnelId + "/training-history").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void turnsAreImportedMatchedOrCreatedPublishedLikeTheApiAndASecondImportChangesNothing() throws Exception {
        Map<String, Object> a = Copies.person(UUID.randomUUID());
        Map<String, Object> b = Copies.person(UUID.randomUUID());
        String idA = person(a, "HG.VT.P1");
        String idB = person(b, "HG.VT.P1");
        Copies.people(List.of(a, b));
        Map<String, Object> byCode = program();
        Map<String, Object> byKind = program();
        Map<String, Object> cls = pastClass(byCode);
        String credential = "CC-" + Copies.suffix();

        String csv = HEADINGS + "\n"
                // an existing class by its code; amounts with separators, labels in Vietnamese
                + idA + ",,,," + cls.get("code") + ",,,,Hoàn thành,Khá,29/05/2020," + credential
                + ",\"6.000.000\",Ngân sách nhà nước\n"
                // a class nobody announced: programme by category and level, institution and dates; created
                + idB + ",,Ngoại ngữ," + byKind.get("level") + ",,TCT-HG,02/09/2019,29/11/2019,Không đạt,,29/11/2019,,"
                + "1500000,Kinh phí đơn vị\n"
                // the same class again for another person, by the same institution and dates: the same class
                + idA + "," + byKind.get("code") + ",,,,TCT-HG,02/09/2019,29/11/2019,WITHDRAWN,,15/10/2019,,,\n";

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("enrolment");
            JsonPath job = finished("province-manager", upload("province-manager", csv, "VALID_ROWS"));
            assertEquals("COMPLETED", job.getString("status"), job.prettify());
            assertEquals(3, job.getInt("totalRows"));
            assertEquals(3, job.getInt("processedRows"));
            assertEquals(3, job.getInt("created"));
            assertEquals(0, job.getInt("unchanged"));
            assertEquals(0, job.getInt("rejected"));

            JsonPath ofA = history(a.get("personnelId"));
            assertEquals(2, ofA.getList("entries").size());
            Map<String, Object> completed = entry(ofA, "COMPLETED");
            assertEquals(cls.get("classId"), completed.get("classId"));
            assertEquals("FAIR", completed.get("grade"));
            assertEquals(credential, completed.get("credentialNumber"));
            assertEquals("2020-05-29", completed.get("completedOn"));
            Map<String, Object> withdrawn = entry(ofA, "WITHDRAWN");
            assertEquals("2019-10-15", withdrawn.get("withdrawnOn"));
            Map<String, Object> failed = entry(history(b.get("personnelId")), "FAILED");
            assertEquals(withdrawn.get("classId"), failed.get("classId"));
            assertEquals("2019-11-29", failed.get("completedOn"));
            Api.get("admin", "/api/class-copy/" + failed.get("classId")).then().statusCode(200)
                    .body("historical", equalTo(true)).body("institutionCode", equalTo("TCT-HG"))
                    .body("startDate", equalTo("2019-09-02")).body("endDate", equalTo("2019-11-29"))
                    .body("status", equalTo("COMPLETED")).body("programId", equalTo(byKind.get("programId")));

            // each turn goes out on the enrolment topic as the API's outcome event, with the full state
            Set<String> ids = Set.of((String) completed.get("enrolmentId"), (String) withdrawn.get("enrolmentId"),
                    (String) failed.get("enrolmentId"));
            List<ConsumerRecord<String, String>> published = Poll.until(Duration.ofSeconds(60),
                    () -> events.getRecords().stream().filter(r -> ids.contains(r.key())).toList(),
                    list -> list.size() >= 3);
            events.stop();
            assertEquals(3, published.size());
            ObjectMapper json = new ObjectMapper();
            for (ConsumerRecord<String, String> r : published) {
                JsonNode data = json.readTree(r.value());
                String type = new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                assertEquals("vn.gov.training.enrolment." + data.path("status").asText().toLowerCase() + ".v1", type);
                assertEquals("HG.VT.P1", data.path("personOrgUnitCode").asText());
                assertEquals("FOREIGN_LANGUAGE", data.path("category").asText());
                EventContract.published().assertValid(r);
                // the institution by code, and by the name its announced classes give it (a historical class too)
                assertEquals("TCT-HG", data.path("institutionCode").asText());
                assertEquals("Trường Chính trị tỉnh Hậu Giang", data.path("institutionName").asText());
                if (r.key().equals(completed.get("enrolmentId"))) {
                    assertEquals(6_000_000L, data.path("costVnd").asLong());
                    assertEquals("STATE_BUDGET", data.path("fundingSource").asText());
                    assertEquals("2020-05-29", data.path("effectiveOn").asText());
                }
            }
        }
        // audited like any change to an enrolment
        Api.get("province-manager", "/api/enrolments/" + entry(history(b.get("personnelId")), "FAILED")
                .get("enrolmentId") + "/history").then().statusCode(200).body("[0].action", equalTo("imported"));

        // the same file again: nothing new, nothing changed
        JsonPath again = finished("province-manager", upload("province-manager", csv, "ALL_OR_NOTHING"));
        assertEquals("COMPLETED", again.getString("status"), again.prettify());
        assertEquals(0, again.getInt("created"));
        assertEquals(3, again.getInt("unchanged"));
        assertEquals(2, history(a.get("personnelId")).getList("entries").size());
    }

    /** More turns than one lookup of the store takes (500): each person, turn and credential is found in any part. */
    @Test
    void aFileOfMoreTurnsThanOneLookupIsImportedOnceAndItsCredentialsAreHeld() {
        List<Map<String, Object>> people = new ArrayList<>();
        List<String> nationalIds = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            Map<String, Object> p = Copies.person(UUID.randomUUID());
            nationalIds.add(person(p, "HG.VT.P1"));
            people.add(p);
        }
        Copies.people(people);
        Map<String, Object> cls = pastClass(program());
        String prefix = "CL-" + Copies.suffix() + "-";
        StringBuilder csv = new StringBuilder(HEADINGS).append('\n');
        for (int i = 0; i < people.size() - 1; i++) {
            csv.append(nationalIds.get(i)).append(",,,,").append(cls.get("code"))
                    .append(",,,,Hoàn thành,Khá,29/05/2020,").append(prefix).append(i).append(",,\n");
        }
        JsonPath job = finished("province-manager", upload("province-manager", csv.toString(), "ALL_OR_NOTHING"));
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(1_099, job.getInt("created"));

        // again, with the last person holding the credential number of a turn in the third lookup's part
        csv.append(nationalIds.get(1_099)).append(",,,,").append(cls.get("code"))
                .append(",,,,Hoàn thành,Khá,29/05/2020,").append(prefix).append(1_050).append(",,\n");
        JsonPath again = finished("province-manager", upload("province-manager", csv.toString(), "VALID_ROWS"));
        assertEquals("COMPLETED", again.getString("status"), again.prettify());
        assertEquals(0, again.getInt("created"));
        assertEquals(1_099, again.getInt("unchanged"));
        assertEquals(1, again.getInt("rejected"));
        assertEquals(1_101, again.getInt("errors[0].row"));
        assertEquals("duplicate-credential", again.getString("errors[0].code"));
    }

    @Test
    void rowsThatCannotBeTrueAreRefusedFieldByFieldInVietnameseAndAllOrNothingWritesNone() {
        Map<String, Object> a = Copies.person(UUID.randomUUID());
        String idA = person(a, "HG.VT.P1");
        Copies.people(List.of(a));
        Map<String, Object> program = program();
        Map<String, Object> cls = pastClass(program);
        String code = (String) program.get("code");
        String future = ProvinceTime.today().plusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String unknownId = "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
        String csv = HEADINGS + "\n"
                + idA + "," + code + ",,,,TCT-HG,01/02/2018,30/04/2018,Hoàn thành,Giỏi,30/04/2018,,,\n" // row 2 valid
                + unknownId + "," + code + ",,,,TCT-HG,01/02/2018,30/04/2018,Hoàn thành,,,,,\n"       // 3
                + "12345," + code + ",,,,TCT-HG,01/02/2018,30/04/2018,Hoàn thành,,,,,\n"               // 4
                + idA + ",KHONG-CO-" + Copies.suffix() + ",,,,TCT-HG,01/02/2018,30/04/2018,Hoàn thành,,,,,\n" // 5
                + idA + "," + code + ",,,,CSDT-KHONG-CO,01/02/2017,30/04/2017,Hoàn thành,,,,,\n"        // 6
                + idA + "," + code + ",,,,TCT-HG,31/02/2016,30/04/2016,Hoàn thành,,,,,\n"              // 7
                + idA + "," + code + ",,,,TCT-HG,01/05/2015,30/04/2015,Hoàn thành,,,,,\n"              // 8
                + idA + ",,,," + cls.get("code") + ",,,,Hoàn thành,,01/01/2020,,,\n"                    // 9
                + idA + "," + code + ",,,,TCT-HG,01/02/2014,30/04/2014,Đã xong,,,,,\n"                 // 10
                + idA + "," + code + ",,,,TCT-HG,01/02/2013,30/04/2013,Hoàn thành,Siêu,,,,\n"          // 11
                + idA + "," + code + ",,,,TCT-HG,01/02/2012,30/04/2012,Hoàn thành,,,,,Xổ số\n"         // 12
                + idA + "," + code + ",,,,TCT-HG,01/02/2011,30/04/2011,Hoàn thành,,,,-500000,\n"       // 13
                + idA + "," + code + ",,,,TCT-HG,01/02/2010,30/04/2010,Hoàn thành,," + future + ",,,\n"; // 14

        JsonPath rejected = finished("province-manager", upload("province-manager", csv, "ALL_OR_NOTHING"));
        assertEquals("FAILED", rejected.getString("status"), rejected.prettify());
        assertEquals(13, rejected.getInt("totalRows"));
        assertEquals(0, rejected.getInt("created"));
        assertEquals(12, rejected.getInt("rejected"));
        assertEquals(0, history(a.get("personnelId")).getList("entries").size(), "all or nothing: nothing");
        Map<Integer, String> codes = new java.util.TreeMap<>();
        for (Map<String, Object> e : rejected.<Map<String, Object>>getList("errors")) {
            codes.merge((Integer) e.get("row"), e.get("field") + ":" + e.get("code"), (x, y) -> x + " " + y);
            assertTrue(!((String) e.get("message")).isBlank());
        }
        assertEquals(Map.ofEntries(
                Map.entry(3, "nationalId:person-unknown-national-id"),
                Map.entry(4, "nationalId:national-id-format"),
                Map.entry(5, "programCode:program-unknown"),
                Map.entry(6, "institutionCode:institution-unknown"),
                Map.entry(7, "startDate:date-format"),
                Map.entry(8, "endDate:end-before-start"),
                Map.entry(9, "completedOn:date-before-class-start"),
                Map.entry(10, "result:result-outcome"),
                Map.entry(11, "grade:result-grade"),
                Map.entry(12, "fundingSource:unknown-value"),
                Map.entry(13, "costVnd:negative-cost"),
                Map.entry(14, "completedOn:date-in-future")), codes);
        String unknownMessage = rejected.getString("errors.find { it.row == 3 }.message");
        assertEquals("Không có cán bộ nào mang số định danh này trong hồ sơ", unknownMessage);

        // the valid rows only
        JsonPath valid = finished("province-manager", upload("province-manager", csv, "VALID_ROWS"));
        assertEquals("COMPLETED", valid.getString("status"));
        assertEquals(1, valid.getInt("created"));
        assertEquals(12, valid.getInt("rejected"));
        assertEquals(1, history(a.get("personnelId")).getList("entries").size());
    }

    @Test
    void aUnitOfficerImportsOnlyPeopleOfTheirUnitsAndSeesOnlyTheirJobs() {
        Map<String, Object> own = Copies.person(UUID.randomUUID());
        Map<String, Object> other = Copies.person(UUID.randomUUID());
        String ownId = person(own, "HG.VT.P1");
        String otherId = person(other, "HG.CT");
        Copies.people(List.of(own, other));
        Map<String, Object> program = program();
        String code = (String) program.get("code");
        String csv = HEADINGS + "\n"
                + ownId + "," + code + ",,,,TCT-HG,01/02/2018,30/04/2018,Hoàn thành,Khá,,,,\n"
                + otherId + "," + code + ",,,,TCT-HG,01/02/2018,30/04/2018,Hoàn thành,Khá,,,,\n";
        String location = upload("unit-officer", csv, "VALID_ROWS");
        JsonPath job = finished("unit-officer", location);
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("rejected"));
        assertEquals(3, job.getInt("errors[0].row"));
        assertEquals("person-out-of-scope", job.getString("errors[0].code"));
        assertEquals(1, history(own.get("personnelId")).getList("entries").size());
        assertEquals(0, history(other.get("personnelId")).getList("entries").size());
        // institution staff may neither import nor read imports
        given().header("Authorization", Tokens.bearer("institution-staff")).get(location).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("institution-staff")).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/enrolments/imports").then().statusCode(403);
    }

    @Test
    void theTemplateHasTheVietnameseHeadingsInXlsxAndCsvAndAFileWithoutThemIsRefused() throws IOException {
        byte[] xlsx = given().header("Authorization", Tokens.bearer("unit-officer"))
                .get("/api/enrolments/imports/template?format=xlsx").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        List<String> headings = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = workbook.getSheetAt(0).getRow(0);
            DataFormatter f = new DataFormatter();
            row.forEach(c -> headings.add(f.formatCellValue(c)));
        }
        assertEquals(List.of(HEADINGS.split(",")), headings);
        String csv = given().header("Authorization", Tokens.bearer("unit-officer"))
                .get("/api/enrolments/imports/template?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals(HEADINGS, csv.replace("\uFEFF", "").lines().findFirst().orElseThrow());

        given().header("Authorization", Tokens.bearer("province-manager")).contentType("text/csv")
                .body("Họ và tên,Ngày sinh\nA,01/01/1990\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/enrolments/imports").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("import-format"));
    }

    /**
     * A running import holds its rows in memory: a file of more rows than one import takes (2,000 in the test profile,
     * 50,000 by default) is refused at once, in Vietnamese, and starts no job.
     */
    @Test
    void aFileOfMoreRowsThanOneImportTakesIsRefusedBeforeAnyJobStarts() {
        StringBuilder csv = new StringBuilder(HEADINGS).append('\n');
        for (int i = 0; i < 2_001; i++) {
            csv.append("001085000").append(String.format("%03d", i % 1000))
                    .append(",,,,CL-NONE,,,,Hoàn thành,Khá,29/05/2020,,,\n");
        }
        given().header("Authorization", Tokens.bearer("province-manager")).contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/enrolments/imports?mode=VALID_ROWS&fileName=too-many.csv").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("import-too-many-rows"))
                .body("title", equalTo("Tệp có quá nhiều dòng"))
                .body("detail", equalTo("Mỗi lần nhập nhận tối đa 2000 dòng dữ liệu; tệp này có nhiều hơn. "
                        + "Vui lòng chia thành nhiều tệp và nhập lần lượt."));
        assertEquals(0L, QuarkusTransaction.requiringNew()
                .call(() -> HistoryImportJob.count("fileName", "too-many.csv")));
    }

    private static Map<String, Object> entry(JsonPath history, String status) {
        List<Map<String, Object>> entries = history.getList("entries");
        return entries.stream().filter(e -> status.equals(e.get("status"))).findFirst()
                .orElseThrow(() -> new AssertionError(status + " not in " + entries.stream()
                        .map(e -> (String) e.get("status")).collect(Collectors.joining(", "))));
    }
}
