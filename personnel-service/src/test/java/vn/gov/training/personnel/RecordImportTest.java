package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * Levels and yearly ratings imports: csv and xlsx, created and unchanged counts, a second import changing nothing,
 * row errors in both modes, a unit officer's scope, one person event per person touched, the audit trail.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RecordImportTest {

    static final String LEVELS = "/api/personnel/qualification-imports";
    static final String RATINGS = "/api/personnel/rating-imports";
    static final String LEVELS_HEADER = "Số định danh cá nhân,Loại trình độ,Trình độ,Ngày cấp,Cơ sở đào tạo,Số văn bằng";
    static final String RATINGS_HEADER = "Số định danh cá nhân,Năm,Xếp loại";
    static final String QUALIFICATION_RECORDED = "vn.gov.training.personnel.qualification-recorded.v1";
    static final String UPDATED = "vn.gov.training.personnel.updated.v1";

    @Inject
    DataSource dataSource;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> personnel;
    private int markers;

    /** A person of Vị Thanh (the unit officer's), one of Châu Thành (outside it). */
    record Someone(String id, String nationalId) {

        static Someone in(String unit) {
            Map<String, Object> body = TestData.person("Nguyễn Văn Nhập", "MALE", unit);
            return new Someone(TestData.register(body), (String) body.get("nationalId"));
        }
    }

    @BeforeEach
    void unitsAndEvents() {
        TestData.ensureUnits();
        kafka = Kafka.companion();
        personnel = kafka.consumeStrings().fromTopics("personnel");
    }

    @AfterEach
    void stopConsuming() {
        personnel.stop();
        kafka.close();
    }

    @Test
    void levelsFromCsvInBothModesAndASecondImportChangesNothing() throws SQLException {
        Someone a = Someone.in("HG.VT");
        Someone b = Someone.in("HG.VT");
        String csv = LEVELS_HEADER + "\n"
                + a.nationalId() + ",Lý luận chính trị,Trung cấp,15/06/2015,Trường Chính trị tỉnh Hậu Giang,TC-1\n"
                + a.nationalId() + ",POLITICAL_THEORY,ADVANCED,2020-06-30,,\n"
                + b.nationalId() + ",ngoai ngu,b1,01/03/2012,,\n"
                + b.nationalId() + ",Quản lý nhà nước,Chuyên viên,10/10/2016,,\n"
                + TestData.nationalId("MALE", java.time.LocalDate.of(1985, 4, 12)) + ",Lý luận chính trị,Sơ cấp,01/01/2010,,\n"
                + a.nationalId() + ",Lý luận chính trị,Thạc sĩ,01/01/2010,,\n"
                + b.nationalId() + ",Quản lý nhà nước,Chuyên viên chính,01/01/1990,,\n"
                + a.nationalId() + ",Lý luận chính trị,Trung cấp,15/06/2015,,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonPath rejected = ImportTest.upload(LEVELS, "admin", file, "text/csv", "ALL_OR_NOTHING");
        assertEquals("REJECTED", rejected.getString("status"), rejected.prettify());
        assertEquals(List.of(6, 7, 8, 9), rejected.getList("errors.row"), rejected.prettify());
        assertEquals(List.of("nationalId", "level", "awardedOn", "level"), rejected.getList("errors.field"));
        assertEquals(List.of("unknown-person", "unknown-level", "award-date-implausible", "repeated-in-file"),
                rejected.getList("errors.code"));
        assertEquals("Trùng với dòng 2 trong tệp", rejected.getString("errors[3].message"));
        assertEquals(0, levelsOf(a));
        assertEquals(0, events(a, QUALIFICATION_RECORDED).size());

        JsonPath partial = ImportTest.upload(LEVELS, "admin", file, "text/csv", "VALID_ROWS");
        assertEquals("COMPLETED", partial.getString("status"), partial.prettify());
        assertEquals(4, partial.getInt("created"), partial.prettify());
        assertEquals(4, partial.getInt("errorRows"));
        assertEquals(8, partial.getInt("processedRows"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + b.id() + "/qualifications")
                .then().statusCode(200).body("size()", equalTo(2))
                .body("find { it.kind == 'FOREIGN_LANGUAGE' }.level", equalTo("B1"))
                .body("find { it.kind == 'STATE_MANAGEMENT' }.level", equalTo("SPECIALIST"));
        // one event per person, carrying both new levels like a single write's event
        assertEquals(1, events(a, QUALIFICATION_RECORDED).size());
        assertEquals(1, events(b, QUALIFICATION_RECORDED).size());
        JsonPath event = JsonPath.from(events(a, QUALIFICATION_RECORDED).get(0));
        assertEquals(List.of("INTERMEDIATE", "ADVANCED"), event.getList("qualifications.level"));
        assertEquals(List.of("IMPORT", "IMPORT"), event.getList("qualifications.source"));
        assertEquals("2020-06-30", event.getString("effectiveOn"));
        assertEquals(2, audits(a, "qualification-recorded"));
        assertEquals(2, levelDeliveries(a), "each new level goes to the national database");

        JsonPath again = ImportTest.upload(LEVELS, "admin", file, "text/csv", "VALID_ROWS");
        assertEquals(0, again.getInt("created"), again.prettify());
        assertEquals(4, again.getInt("unchanged"));
        assertEquals(1, events(a, QUALIFICATION_RECORDED).size());
        assertEquals(1, events(b, QUALIFICATION_RECORDED).size());
        assertEquals(2, audits(a, "qualification-recorded"));
        assertEquals(2, levelsOf(a));
        assertEquals(2, levelDeliveries(a));
    }

    @Test
    void levelsFromXlsxAndAUnitOfficerImportsOnlyForTheirUnits() throws Exception {
        Someone inside = Someone.in("HG.VT.P1");
        Someone outside = Someone.in("HG.CT");
        byte[] file = ImportTest.xlsx(LEVELS_HEADER, List.of(
                List.of("#" + inside.nationalId(), "Tin học", "Cơ bản", "05/05/2011", "", ""),
                List.of(inside.nationalId(), "Lý luận chính trị", "sơ cấp", "05/05/2012", "", ""),
                List.of(outside.nationalId(), "Tin học", "Cơ bản", "05/05/2011", "", "")));

        JsonPath rejected = ImportTest.upload(LEVELS, "unit-officer", file, ImportTest.XLSX, "ALL_OR_NOTHING");
        assertEquals("REJECTED", rejected.getString("status"), rejected.prettify());
        assertEquals(List.of(4), rejected.getList("errors.row"));
        assertEquals("unit-out-of-scope", rejected.getString("errors[0].code"));
        assertEquals(0, levelsOf(inside));

        JsonPath partial = ImportTest.upload(LEVELS, "unit-officer", file, ImportTest.XLSX, "VALID_ROWS");
        assertEquals(2, partial.getInt("created"), partial.prettify());
        assertEquals(1, partial.getInt("errorRows"));
        assertEquals(2, levelsOf(inside));
        assertEquals(0, levelsOf(outside));
        assertEquals(1, events(inside, QUALIFICATION_RECORDED).size());
        assertEquals(0, events(outside, QUALIFICATION_RECORDED).size());
        assertEquals(2, audits(inside, "qualification-recorded"));

        // the job is read back through its own import only
        String job = partial.getString("id");
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/personnel/imports/" + job)
                .then().statusCode(404).body("code", equalTo("import-not-found"));
        given().header("Authorization", Tokens.bearer("unit-officer")).get(RATINGS + "/" + job)
                .then().statusCode(404);
    }

    @Test
    void ratingsFromCsvAndXlsxCreateUpdateAndLeaveUnchanged() throws Exception {
        Someone a = Someone.in("HG.VT");
        Someone b = Someone.in("HG.VT");
        Someone outside = Someone.in("HG.CT");
        String csv = RATINGS_HEADER + "\n"
                + a.nationalId() + ",2023,Hoàn thành tốt nhiệm vụ\n"
                + a.nationalId() + ",2024,EXCELLENT\n"
                + b.nationalId() + ",2024,tot\n"
                + TestData.nationalId("FEMALE", java.time.LocalDate.of(1985, 4, 12)) + ",2024,Tốt\n"
                + b.nationalId() + ",1980,Tốt\n"
                + b.nationalId() + ",2023,Giỏi lắm\n"
                + a.nationalId() + ",2023,Xuất sắc\n"
                + outside.nationalId() + ",2024,Tốt\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonPath rejected = ImportTest.upload(RATINGS, "unit-officer", file, "text/csv", "ALL_OR_NOTHING");
        assertEquals("REJECTED", rejected.getString("status"), rejected.prettify());
        assertEquals(List.of(5, 6, 7, 8, 9), rejected.getList("errors.row"), rejected.prettify());
        assertEquals(List.of("unknown-person", "year-invalid", "unknown-value", "repeated-in-file",
                "unit-out-of-scope"), rejected.getList("errors.code"));
        assertEquals(0, ratingsOf(a).size());

        JsonPath partial = ImportTest.upload(RATINGS, "unit-officer", file, "text/csv", "VALID_ROWS");
        assertEquals("COMPLETED", partial.getString("status"), partial.prettify());
        assertEquals(3, partial.getInt("created"), partial.prettify());
        assertEquals(5, partial.getInt("errorRows"));
        assertEquals(List.of("GOOD", "EXCELLENT"), ratingsOf(a));
        assertEquals(List.of("GOOD"), ratingsOf(b));
        assertEquals(1, events(a, UPDATED).size());
        assertEquals(1, events(b, UPDATED).size());
        assertEquals(0, events(outside, UPDATED).size());
        JsonPath event = JsonPath.from(events(a, UPDATED).get(0));
        assertEquals("2024-12-31", event.getString("effectiveOn"));
        assertEquals(List.of(2023, 2024), event.getList("ratings.year"));
        assertEquals(2, audits(a, "rating-set"));

        JsonPath again = ImportTest.upload(RATINGS, "unit-officer", file, "text/csv", "VALID_ROWS");
        assertEquals(0, again.getInt("created"), again.prettify());
        assertEquals(0, again.getInt("updated"));
        assertEquals(3, again.getInt("unchanged"));
        assertEquals(1, events(a, UPDATED).size());
        assertEquals(2, audits(a, "rating-set"));

        // a corrected year is updated, the other unchanged: one more event, one more audit record
        byte[] xlsx = ImportTest.xlsx(RATINGS_HEADER, List.of(List.of(a.nationalId(), "#2023", "Xuất sắc"),
                List.of(a.nationalId(), "2024", "Hoàn thành xuất sắc nhiệm vụ")));
        JsonPath corrected = ImportTest.upload(RATINGS, "admin", xlsx, ImportTest.XLSX, "ALL_OR_NOTHING");
        assertEquals("COMPLETED", corrected.getString("status"), corrected.prettify());
        assertEquals(1, corrected.getInt("updated"), corrected.prettify());
        assertEquals(1, corrected.getInt("unchanged"));
        assertEquals(List.of("EXCELLENT", "EXCELLENT"), ratingsOf(a));
        assertEquals(2, events(a, UPDATED).size());
        assertEquals(3, audits(a, "rating-set"));
    }

    @Test
    void templatesHaveTheVietnameseHeadingsAndABadFileIsAProblem() throws IOException {
        assertEquals(List.of("Số định danh cá nhân", "Loại trình độ", "Trình độ", "Ngày cấp"),
                headings(LEVELS).subList(0, 4));
        assertEquals(List.of("Số định danh cá nhân", "Năm", "Xếp loại"), headings(RATINGS));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("format", "csv")
                .get(RATINGS + "/template").then().statusCode(200)
                .body(containsString("093185012345,2024,Hoàn thành tốt nhiệm vụ"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("text/csv")
                .body("Số định danh cá nhân,Năm\n093185012345,2024\n".getBytes(StandardCharsets.UTF_8))
                .post(RATINGS).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("import-format")).body("detail", containsString("Xếp loại"));
        given().header("Authorization", Tokens.bearer("staff")).get(LEVELS + "/template").then().statusCode(403);
    }

    private static List<String> headings(String path) throws IOException {
        byte[] template = given().header("Authorization", Tokens.bearer("unit-officer")).get(path + "/template")
                .then().statusCode(200).contentType(ImportTest.XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            List<String> names = new java.util.ArrayList<>();
            header.forEach(cell -> names.add(cell.getStringCellValue()));
            return names;
        }
    }

    private static int levelsOf(Someone p) {
        return given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + p.id()
                + "/qualifications").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static List<String> ratingsOf(Someone p) {
        return given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + p.id() + "/ratings")
                .then().statusCode(200).extract().jsonPath().getList("rating");
    }

    /**
     * The payloads of the person's events of this type published so far: a marker event of the other type is written
     * for the person and awaited; one person's events arrive in order, so every earlier event is in by then.
     */
    private List<String> events(Someone p, String type) {
        int n = ++markers;
        String marker;
        if (type.equals(QUALIFICATION_RECORDED)) {
            given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                    .body(Map.of("rating", "GOOD")).put("/api/personnel/" + p.id() + "/ratings/" + (2000 + n))
                    .then().statusCode(200);
            marker = "\"effectiveOn\":\"" + (2000 + n) + "-12-31\"";
        } else {
            given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                    .body(Map.of("kind", "OTHER", "level", "MARKER", "awardedOn", "2010-01-0" + n))
                    .post("/api/personnel/" + p.id() + "/qualifications").then().statusCode(201);
            marker = "\"effectiveOn\":\"2010-01-0" + n + "\"";
        }
        List<ConsumerRecord<String, String>> records = Poll.until(Duration.ofSeconds(30),
                () -> personnel.getRecords().stream().filter(r -> p.id().equals(r.key())).toList(),
                all -> all.stream().anyMatch(r -> !type.equals(type(r)) && r.value().contains(marker)));
        return records.stream().filter(r -> type.equals(type(r))).map(ConsumerRecord::value).toList();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private int audits(Someone p, String action) throws SQLException {
        return Integer.parseInt(query("select count(*) from audit_record where entity_type = 'person' "
                + "and entity_id = ? and action = ?", p.id(), action));
    }

    /** The LEVEL sections of the person's national file recorded for delivery. */
    private int levelDeliveries(Someone p) throws SQLException {
        return Integer.parseInt(query("select count(*) from national_delivery where person_id = cast(? as uuid) "
                + "and section = 'LEVEL'", p.id()));
    }

    private String query(String sql, String... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
