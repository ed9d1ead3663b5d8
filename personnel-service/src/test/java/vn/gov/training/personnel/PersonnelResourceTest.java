package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.personnel.service.ScheduledChanges;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.time.ProvinceTime;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PersonnelResourceTest {

    @Inject
    ScheduledChanges scheduledChanges;

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    @Test
    void searchIgnoresCaseAndDiacriticsAndMatchesTheNationalIdExactly() {
        String khang = TestData.register(TestData.person("Nguyễn Thị Hồng Khang", "FEMALE", "HG.VT.P1"));
        Map<String, Object> dat = TestData.person("Đặng Đức Đạt", "MALE", "HG.VT");
        String datId = TestData.register(dat);

        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", "nguyen thi hong khang")
                .get("/api/personnel").then().statusCode(200)
                .body("items.id", hasItem(khang))
                .body("items.fullName", everyItem(equalTo("Nguyễn Thị Hồng Khang")));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", "HỒNG KHANG")
                .get("/api/personnel").then().statusCode(200).body("items.id", hasItem(khang));
        // "d" finds "đ", and "đ" finds it too
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", "dang duc dat")
                .get("/api/personnel").then().statusCode(200).body("items.id", hasItem(datId));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", "Đức Đạt")
                .get("/api/personnel").then().statusCode(200).body("items.id", hasItem(datId));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", dat.get("nationalId"))
                .get("/api/personnel").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(datId));
    }

    @Test
    void listsAreSortedByGivenNameThenFamilyNameAndPaged() {
        String unit = "HG.S" + TestData.suffix();
        TestData.unit(unit, "Phòng Sắp Xếp", "DEPARTMENT", "HG");
        TestData.register(TestData.person("Lê Thị Bình", "FEMALE", unit));
        TestData.register(TestData.person("Trần Văn An", "MALE", unit));
        TestData.register(TestData.person("Nguyễn Văn An", "MALE", unit));
        TestData.register(TestData.person("Đinh Thị Ánh", "FEMALE", unit));
        TestData.register(TestData.person("Võ Thị Ân", "FEMALE", unit));
        TestData.register(TestData.person("Phạm Văn Đức", "MALE", unit));
        TestData.register(TestData.person("Hồ Văn Dũng", "MALE", unit));

        // the Vietnamese alphabet: a < ă < â, d < đ; a tone after its letters (An < Án < Anh)
        given().header("Authorization", Tokens.bearer("admin")).queryParam("unit", unit).queryParam("size", 3)
                .get("/api/personnel").then().statusCode(200)
                .body("total", equalTo(7)).body("size", equalTo(3))
                .body("items.fullName", contains("Nguyễn Văn An", "Trần Văn An", "Đinh Thị Ánh"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("unit", unit).queryParam("size", 3)
                .queryParam("page", 1).get("/api/personnel").then().statusCode(200)
                .body("items.fullName", contains("Võ Thị Ân", "Lê Thị Bình", "Hồ Văn Dũng"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("unit", unit).queryParam("size", 3)
                .queryParam("page", 2).get("/api/personnel").then().statusCode(200)
                .body("items.fullName", contains("Phạm Văn Đức"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("unit", unit).queryParam("sort", "-name")
                .get("/api/personnel").then().statusCode(200)
                .body("items.fullName", contains("Phạm Văn Đức", "Hồ Văn Dũng", "Lê Thị Bình", "Võ Thị Ân",
                        "Đinh Thị Ánh", "Trần Văn An", "Nguyễn Văn An"));
    }

    @Test
    void validationErrorsNameEachFieldInVietnameseOrEnglish() {
        Map<String, Object> bad = TestData.person("  ", "MALE", "HG.VT");
        bad.put("nationalId", "000185123456");
        bad.put("rankCode", "NO_SUCH_RANK");
        bad.put("managementTier", "VILLAGE_ELDERS");
        bad.put("dateOfBirth", "1901-01-01");
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(bad)
                .post("/api/personnel").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("title", equalTo("Dữ liệu không hợp lệ"))
                .body("errors.field", hasItems("nationalId", "fullName", "rankCode", "dateOfBirth", "managementTier"))
                .body("errors.find { it.field == 'nationalId' }.code", equalTo("national-id-province"))
                .body("errors.find { it.field == 'rankCode' }.message", equalTo("Không có ngạch mã NO_SUCH_RANK"));
        // a date before 1900 is not read at all: the JSON layer refuses it (platform DateRange)
        bad.put("dateOfBirth", "1850-01-01");
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(bad)
                .post("/api/personnel").then().statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth")).body("errors[0].code", equalTo("date-out-of-range"));

        Map<String, Object> wrongDigits = TestData.person("Phạm Văn Nam", "MALE", "HG.VT");
        wrongDigits.put("nationalId", "093185" + "123456"); // 1 = female born in the 1900s
        given().header("Authorization", Tokens.bearer("admin")).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body(wrongDigits)
                .post("/api/personnel").then().statusCode(400)
                .body("title", equalTo("Invalid data"))
                .body("errors[0].field", equalTo("nationalId"))
                .body("errors[0].code", equalTo("national-id-gender-century"))
                .body("errors[0].message", equalTo("The 4th digit does not match the gender and century of birth"));
        wrongDigits.put("nationalId", "093090123456"); // born 1985, digits 5-6 say 90
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(wrongDigits)
                .post("/api/personnel").then().statusCode(400)
                .body("errors[0].code", equalTo("national-id-birth-year"));
        wrongDigits.put("nationalId", "0930851234");
        wrongDigits.put("orgUnitCode", "NO.SUCH.UNIT");
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(wrongDigits)
                .post("/api/personnel").then().statusCode(400)
                .body("errors.code", hasItems("national-id-format", "unknown-unit"));
    }

    @Test
    void aDuplicateNationalIdIsAConflictNamingTheExistingRecord() {
        Map<String, Object> body = TestData.person("Võ Thị Thu", "FEMALE", "HG.VT");
        String id = TestData.register(body);
        body.put("fullName", "Võ Thị Thu Hà");
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(body)
                .post("/api/personnel").then().statusCode(409)
                .body("code", equalTo("person-exists")).body("existingId", equalTo(id));
    }

    @Test
    void aDuplicateOutsideTheCallersScopeIsAConflictThatDoesNotNameTheRecord() {
        Map<String, Object> body = TestData.person("Châu Thị Ngoài", "FEMALE", "HG.CT");
        TestData.register(body);
        body.put("orgUnitCode", "HG.VT");
        String response = given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(body).post("/api/personnel").then().statusCode(409)
                .body("code", equalTo("person-exists")).body("existingId", nullValue()).extract().asString();
        assertFalse(response.contains((String) body.get("nationalId")), response);
    }

    @Test
    void concurrentRegistrationsOfOneNationalIdGiveOneRecordAndConflictsNeverAServerError() throws Exception {
        Map<String, Object> body = TestData.person("Trịnh Văn Đồng Thời", "MALE", "HG.VT");
        String nationalId = (String) body.get("nationalId");
        int callers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        String auth = Tokens.bearer("admin");
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                            .post("/api/personnel");
                }));
            }
            start.countDown();
            int created = 0;
            for (var call : calls) {
                io.restassured.response.Response response = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
                String text = response.asString();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertEquals(409, response.statusCode(), text);
                    assertTrue(List.of("person-exists", "duplicate-record").contains(response.jsonPath().getString("code")),
                            text);
                    assertFalse(text.contains(nationalId), "the database's message is not passed on: " + text);
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", Tokens.bearer("admin")).queryParam("q", nationalId).get("/api/personnel")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void unitOfficersSeeAndChangeOnlyTheirSubtreeAndPersonalDataIsMasked() {
        Map<String, Object> body = TestData.person("Huỳnh Văn Tâm", "MALE", "HG.CT");
        String nationalId = (String) body.get("nationalId");
        String id = TestData.register(body);

        // HG.VT's officer: the person in HG.CT does not exist for them
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/personnel/" + id)
                .then().statusCode(404).body("code", equalTo("person-not-found"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("phone", "0901234567")).patch("/api/personnel/" + id).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("unit-officer")).queryParam("q", "huynh van tam")
                .get("/api/personnel").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(TestData.person("Lâm Văn Lực", "MALE", "HG.CT")).post("/api/personnel")
                .then().statusCode(403).body("code", equalTo("unit-out-of-scope"));
        // HG.CT's officer: sees it in full and may change it
        given().header("Authorization", Tokens.bearer("unit-officer-2")).get("/api/personnel/" + id)
                .then().statusCode(200).body("nationalId", equalTo(nationalId))
                .body("dateOfBirth", equalTo("1985-04-12")).body("masked", equalTo(false));
        given().header("Authorization", Tokens.bearer("unit-officer-2")).contentType(ContentType.JSON)
                .body(Map.of("phone", "0901234567")).patch("/api/personnel/" + id).then().statusCode(200)
                .body("phone", equalTo("0901234567"));
        // leaders and integration clients read, masked, and do not write
        String masked = nationalId.substring(0, 4) + "*****" + nationalId.substring(9);
        given().header("Authorization", Tokens.bearer("leader")).get("/api/personnel/" + id)
                .then().statusCode(200).body("nationalId", equalTo(masked))
                .body("dateOfBirth", nullValue()).body("birthYear", equalTo(1985));
        String client = "Bearer " + Tokens.ofClient("example-department-system", "department-dev-secret");
        given().header("Authorization", client).get("/api/personnel/" + id)
                .then().statusCode(200).body("nationalId", equalTo(masked));
        given().header("Authorization", client).contentType(ContentType.JSON).body(Map.of("phone", "0907654321"))
                .patch("/api/personnel/" + id).then().statusCode(403);
        // staff see only their own record
        given().header("Authorization", Tokens.bearer("staff")).get("/api/personnel/" + id).then().statusCode(404);
        given().header("Authorization", Tokens.bearer("staff")).get("/api/personnel").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().get("/api/personnel/" + id).then().statusCode(401);
    }

    @Test
    void aJobPositionOfAUnitIsHeldOnlyWithinThatUnitsSubtree() {
        String owner = "HG.J" + TestData.suffix();
        TestData.unit(owner, "Sở Vị Trí", "DEPARTMENT", "HG");
        TestData.unit(owner + ".P1", "Phòng Một", "OTHER", owner);
        String position = "VTVL-" + TestData.suffix();
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Chuyên viên thẩm định", "orgUnitCode", owner))
                .put("/api/reference/job-positions/" + position).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).queryParam("unit", owner + ".P1")
                .get("/api/reference/job-positions").then().statusCode(200)
                .body("code", hasItems(position));

        Map<String, Object> elsewhere = TestData.person("Trương Văn Lực", "MALE", "HG.VT");
        elsewhere.put("jobPositionCode", position);
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(elsewhere)
                .post("/api/personnel").then().statusCode(400)
                .body("errors.find { it.field == 'jobPositionCode' }.code", equalTo("job-position-of-another-unit"));

        Map<String, Object> within = TestData.person("Trương Thị Hoa", "FEMALE", owner + ".P1");
        within.put("jobPositionCode", position);
        String id = TestData.register(within);
        // moved out of the unit, the person no longer holds its position
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", "HG.VT", "effectiveOn", "2024-03-01"))
                .post("/api/personnel/" + id + "/transfer").then().statusCode(200)
                .body("orgUnitCode", equalTo("HG.VT")).body("jobPositionCode", nullValue());
    }

    @Test
    void transferAndLeaveKeepHistoryAuditAndPublishFullState() {
        String id = TestData.register(TestData.person("Phạm Thị Mai", "FEMALE", "HG.VT.P1"));
        given().header("Authorization", Tokens.bearer("province-manager")).contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", "HG.CT", "effectiveOn", "2024-03-01"))
                .post("/api/personnel/" + id + "/transfer").then().statusCode(200)
                .body("orgUnitCode", equalTo("HG.CT"));
        given().header("Authorization", Tokens.bearer("unit-officer-2")).contentType(ContentType.JSON)
                .body(Map.of("reason", "RETIRED", "leftOn", "2025-06-30"))
                .post("/api/personnel/" + id + "/leave").then().statusCode(200)
                .body("status", equalTo("LEFT")).body("leftReason", equalTo("RETIRED"));

        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/assignments")
                .then().statusCode(200)
                .body("orgUnitCode", contains("HG.VT.P1", "HG.CT"))
                .body("[0].validTo", equalTo("2024-03-01"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("registered", "transferred", "left"))
                .body("[1].actor", equalTo("province-manager"))
                .body("[1].before.orgUnitCode", equalTo("HG.VT.P1"))
                .body("[1].after.orgUnitCode", equalTo("HG.CT"));

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics("personnel");
            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(30),
                    () -> task.getRecords().stream().filter(r -> id.equals(r.key())).toList(),
                    records -> records.size() >= 3);
            task.stop();
            assertEquals(List.of("vn.gov.training.personnel.registered.v1", "vn.gov.training.personnel.transferred.v1",
                    "vn.gov.training.personnel.left.v1"), mine.stream().map(r -> header(r, "ce_type")).toList());
            mine.forEach(EventContract.published()::assertValid);
            String transferred = mine.get(1).value();
            assertTrue(transferred.contains("\"orgUnitCode\":\"HG.CT\""), transferred);
            assertTrue(transferred.contains("\"effectiveOn\":\"2024-03-01\""), transferred);
            assertTrue(transferred.contains("\"qualifications\":[]"), transferred);
            assertFalse(transferred.contains("\"nationalId\""), transferred); // only its keyed digest, nationalIdDigest
        }
    }

    @Test
    void aTransferEffectiveInTheFutureIsScheduledAndTakesEffectOnItsDateOnce() throws Exception {
        String id = TestData.register(TestData.person("Lâm Thị Thu", "FEMALE", "HG.VT.P1"));
        LocalDate effectiveOn = ProvinceTime.today().plusDays(10);
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", "HG.CT", "effectiveOn", effectiveOn.toString()))
                .post("/api/personnel/" + id + "/transfer").then().statusCode(200)
                .body("orgUnitCode", equalTo("HG.VT.P1"))
                .body("pendingChanges.kind", contains("TRANSFER"))
                .body("pendingChanges[0].toUnitCode", equalTo("HG.CT"))
                .body("pendingChanges[0].effectiveOn", equalTo(effectiveOn.toString()));
        // today nothing changes: the unit, the unit history, and nothing applied by today's run of the job
        scheduledChanges.applyDue(ProvinceTime.today());
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id).then()
                .body("orgUnitCode", equalTo("HG.VT.P1")).body("pendingChanges.size()", equalTo(1));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/assignments")
                .then().body("orgUnitCode", contains("HG.VT.P1"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/history")
                .then().body("action", contains("registered", "transfer-scheduled"));

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics("personnel");
            // on its date, two instances' jobs at once: the row lock (skip locked) lets one of them apply it
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> scheduledChanges.applyDue(effectiveOn));
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> scheduledChanges.applyDue(effectiveOn));
            one.get();
            two.get();
            scheduledChanges.applyDue(effectiveOn); // and again: nothing left to do

            given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id).then()
                    .body("orgUnitCode", equalTo("HG.CT")).body("pendingChanges.size()", equalTo(0));
            given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/assignments")
                    .then().body("orgUnitCode", contains("HG.VT.P1", "HG.CT"))
                    .body("[0].validTo", equalTo(effectiveOn.toString()))
                    .body("[1].validFrom", equalTo(effectiveOn.toString()));
            given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/history")
                    .then().body("action", contains("registered", "transfer-scheduled", "transferred"))
                    .body("[2].actor", equalTo("system:scheduled-changes"));

            // a later change of the person is published after the transfer: when it has arrived, every event of
            // the transfer has too
            given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                    .body(Map.of("kind", "EDUCATION", "level", "BACHELOR", "awardedOn", "2008-06-30"))
                    .post("/api/personnel/" + id + "/qualifications").then().statusCode(201);
            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(30),
                    () -> task.getRecords().stream().filter(r -> id.equals(r.key())).toList(),
                    records -> records.stream().anyMatch(r -> header(r, "ce_type").endsWith(".qualification-recorded.v1")));
            task.stop();
            List<String> types = mine.stream().map(r -> header(r, "ce_type"))
                    .filter(t -> !t.endsWith(".registered.v1")).toList();
            assertEquals(List.of("vn.gov.training.personnel.transferred.v1",
                    "vn.gov.training.personnel.qualification-recorded.v1"), types);
            mine.forEach(EventContract.published()::assertValid);
            String transferred = mine.stream().filter(r -> header(r, "ce_type").endsWith(".transferred.v1"))
                    .findFirst().orElseThrow().value();
            assertTrue(transferred.contains("\"effectiveOn\":\"" + effectiveOn + "\""), transferred);
        }
    }

    @Test
    void aDepartureEffectiveInTheFutureLeavesThePersonActiveUntilThen() {
        String id = TestData.register(TestData.person("Huỳnh Văn Sang", "MALE", "HG.VT.P1"));
        LocalDate leftOn = ProvinceTime.today().plusDays(30);
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("reason", "RETIRED", "leftOn", leftOn.toString()))
                .post("/api/personnel/" + id + "/leave").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("pendingChanges.kind", contains("LEAVE"))
                .body("pendingChanges[0].leftReason", equalTo("RETIRED"));
        scheduledChanges.applyDue(leftOn);
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id).then()
                .body("status", equalTo("LEFT")).body("leftOn", equalTo(leftOn.toString()))
                .body("pendingChanges.size()", equalTo(0));
    }

    @Test
    void mergingAUnitMovesItsStaffToTheTargetFromTheEffectiveDate() {
        String a = "HG.MA" + TestData.suffix();
        String b = "HG.MB" + TestData.suffix();
        TestData.unit(a, "Xã A", "COMMUNE", "HG");
        TestData.unit(b, "Xã B", "COMMUNE", "HG");
        String id = TestData.register(TestData.person("Lê Văn Hùng", "MALE", a));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("sourceCodes", List.of(a), "targetCode", b, "effectiveOn", "2025-07-01"))
                .post("/api/org-units/merge").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id).then().statusCode(200)
                .body("orgUnitCode", equalTo(b));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/assignments")
                .then().statusCode(200).body("reason", contains("HIRED", "UNIT_MERGED"))
                .body("[1].validFrom", equalTo("2025-07-01"));
    }

    @Test
    void leavingBeforeTheCurrentAssignmentStartedIsAFieldError() {
        String id = TestData.register(TestData.person("Lý Văn Sớm", "MALE", "HG.VT"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("reason", "RETIRED", "leftOn", "2009-07-31"))
                .post("/api/personnel/" + id + "/leave").then().statusCode(400)
                .body("errors[0].field", equalTo("leftOn")).body("errors[0].code", equalTo("before-assignment"));
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/personnel/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void successionPlansAreListedByThePlannedPersonsUnitAndPlannedOnlyByThoseWhoMayChangeThePerson() {
        String id = TestData.register(TestData.person("Kha Thị Quy Hoạch", "FEMALE", "HG.CT"));
        // a post in the city, a person of the district: a city officer may neither plan nor list her
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "DIVISION_HEAD", "orgUnitCode", "HG.VT", "termStart", 2025, "termEnd", 2030))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(404);
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "DIVISION_HEAD", "orgUnitCode", "HG.VT", "termStart", 2025, "termEnd", 2030))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("unit-officer")).queryParam("size", 200)
                .get("/api/succession-plans").then().statusCode(200).body("items.personnelId", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("unit-officer-2")).queryParam("unit", "HG.VT")
                .queryParam("size", 200).get("/api/succession-plans").then().statusCode(200)
                .body("items.personnelId", hasItem(id));
        given().header("Authorization", Tokens.bearer("leader")).queryParam("unit", "HG.VT").queryParam("size", 200)
                .get("/api/succession-plans").then().statusCode(200).body("items.personnelId", hasItem(id));
    }

    @Test
    void aUnitOfficerTransfersOnlyWithinTheirOwnSubtree() {
        String id = TestData.register(TestData.person("Lâm Văn Chuyển", "MALE", "HG.VT.P1"));
        for (String outside : List.of("HG", "HG.CT")) {
            given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                    .body(Map.of("orgUnitCode", outside, "effectiveOn", "2024-03-01"))
                    .post("/api/personnel/" + id + "/transfer").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("unit-out-of-scope"));
        }
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/assignments")
                .then().statusCode(200).body("orgUnitCode", contains("HG.VT.P1"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", "HG.VT", "effectiveOn", "2024-03-01"))
                .post("/api/personnel/" + id + "/transfer").then().statusCode(200)
                .body("orgUnitCode", equalTo("HG.VT"));
    }

    @Test
    void aUnitOfficerPlansOnlyForTitlesOfUnitsInTheirSubtree() {
        String id = TestData.register(TestData.person("Kha Văn Kế Cận", "MALE", "HG.VT"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "DIVISION_HEAD", "orgUnitCode", "HG.CT", "termStart", 2025, "termEnd", 2030))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("unit-out-of-scope"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/succession-plans")
                .then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "DIVISION_HEAD", "orgUnitCode", "HG.VT.P1", "termStart", 2025,
                        "termEnd", 2030))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(201);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
