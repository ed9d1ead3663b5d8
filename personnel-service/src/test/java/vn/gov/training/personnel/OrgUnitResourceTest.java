package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OrgUnitResourceTest {

    private static Map<String, Object> unit(String code, String name, String kind, String parent, String from) {
        return parent == null
                ? Map.of("code", code, "name", name, "kind", kind, "validFrom", from)
                : Map.of("code", code, "name", name, "kind", kind, "parentCode", parent, "validFrom", from);
    }

    private static void create(Map<String, Object> body) {
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(body)
                .post("/api/org-units").then().statusCode(201);
    }

    @Test
    void treeAtADateShowsUnitsAsTheyWereThen() {
        create(unit("T1", "Tỉnh Thử Nghiệm", "PROVINCE", null, "2004-01-01"));
        create(unit("T1.TP", "Thị xã Vị Thanh", "DISTRICT", "T1", "2004-01-01"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Thành phố Vị Thanh", "effectiveOn", "2010-09-23"))
                .patch("/api/org-units/T1.TP").then().statusCode(200).body("name", equalTo("Thành phố Vị Thanh"));

        given().header("Authorization", Tokens.bearer("unit-officer")).queryParam("at", "2008-06-30")
                .get("/api/org-units/tree").then().statusCode(200)
                .body("find { it.code == 'T1' }.children.name", contains("Thị xã Vị Thanh"));
        given().header("Authorization", Tokens.bearer("unit-officer")).queryParam("at", "2022-06-30")
                .get("/api/org-units/tree").then().statusCode(200)
                .body("find { it.code == 'T1' }.children.name", contains("Thành phố Vị Thanh"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/org-units/T1.TP/history")
                .then().statusCode(200).body("name", contains("Thị xã Vị Thanh", "Thành phố Vị Thanh"));
    }

    @Test
    void mergeEndsTheSourcesAndMovesTheirSubUnits() {
        create(unit("M1", "Tỉnh Sáp Nhập", "PROVINCE", null, "2020-01-01"));
        create(unit("M1.A", "Huyện A", "DISTRICT", "M1", "2020-01-01"));
        create(unit("M1.B", "Huyện B", "DISTRICT", "M1", "2020-01-01"));
        create(unit("M1.A.X", "Xã X", "COMMUNE", "M1.A", "2020-01-01"));
        given().header("Authorization", Tokens.bearer("province-manager")).contentType(ContentType.JSON)
                .body(Map.of("sourceCodes", List.of("M1.A"), "targetCode", "M1.B", "effectiveOn", "2025-07-01"))
                .post("/api/org-units/merge").then().statusCode(200).body("[0].mergedInto", equalTo("M1.B"));

        given().header("Authorization", Tokens.bearer("admin")).queryParam("at", "2025-07-01")
                .get("/api/org-units/M1.A.X").then().statusCode(200).body("parentCode", equalTo("M1.B"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("at", "2025-06-30")
                .get("/api/org-units/M1.A.X").then().statusCode(200).body("parentCode", equalTo("M1.A"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("at", "2025-07-01")
                .get("/api/org-units/tree").then().statusCode(200)
                .body("find { it.code == 'M1' }.children.code", contains("M1.B"));
    }

    @Test
    void everyChangeIsPublishedAsACloudEventKeyedByUnitCode() {
        // the topic outlives test runs: a code of this run's own
        String code = "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        create(unit(code, "Sở Thử Sự Kiện", "DEPARTMENT", null, "2021-01-01"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", "2024-01-01")).post("/api/org-units/" + code + "/dissolve")
                .then().statusCode(200);

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics("org-unit");
            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(30),
                    () -> task.getRecords().stream().filter(r -> code.equals(r.key())).toList(),
                    records -> records.size() >= 2);
            task.stop();
            assertEquals(List.of("vn.gov.training.org-unit.created.v1", "vn.gov.training.org-unit.dissolved.v1"),
                    mine.stream().map(r -> header(r, "ce_type")).toList());
            mine.forEach(EventContract.published()::assertValid);
            assertEquals("1.0", header(mine.get(0), "ce_specversion"));
            assertEquals("/training/personnel-service", header(mine.get(0), "ce_source"));
            assertTrue(mine.get(1).value().contains("\"validTo\":\"2024-01-01\""), mine.get(1).value());
        }
    }

    @Test
    void aUnitWithActiveStaffIsNotDissolvedUntilTheyAreGone() {
        TestData.ensureUnits();
        String code = "HG.GT" + TestData.suffix();
        TestData.unit(code, "Xã Giải Thể", "COMMUNE", "HG");
        String id = TestData.register(TestData.person("Mai Văn Còn", "MALE", code));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", "2025-07-01")).post("/api/org-units/" + code + "/dissolve")
                .then().statusCode(409).body("code", equalTo("org-unit-has-staff")).body("activeStaff", equalTo(1));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", "HG.VT", "effectiveOn", "2025-06-01"))
                .post("/api/personnel/" + id + "/transfer").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", "2025-07-01")).post("/api/org-units/" + code + "/dissolve")
                .then().statusCode(200);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void validationErrorsNameTheFieldInTheCallersLanguage() {
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", "bad code", "kind", "PROVINCE"))
                .post("/api/org-units").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("title", equalTo("Dữ liệu không hợp lệ"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"));
        given().header("Authorization", Tokens.bearer("admin")).header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(Map.of("code", "X1", "name", "Xã", "kind", "VILLAGE"))
                .post("/api/org-units").then().statusCode(400)
                .body("title", equalTo("Invalid data"))
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void onlyTheProvinceChangesUnitsAndEveryoneMustSignIn() {
        given().get("/api/org-units/tree").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(unit("U1", "Đơn vị", "OTHER", null, "2020-01-01"))
                .post("/api/org-units").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/org-units/NOPE")
                .then().statusCode(404).body("code", equalTo("org-unit-not-found"));
    }

    @Test
    void duplicateCodeIsAConflict() {
        create(unit("D1", "Đơn vị trùng", "OTHER", null, "2020-01-01"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(unit("D1", "Đơn vị trùng", "OTHER", null, "2020-01-01"))
                .post("/api/org-units").then().statusCode(409).body("code", equalTo("org-unit-exists"));
    }
}
