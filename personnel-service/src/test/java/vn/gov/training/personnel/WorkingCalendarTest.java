package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/** The working-day calendar of the national-sync deadlines: holidays, compensatory days, admin edits. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class WorkingCalendarTest {

    private static String deadline(String from) {
        return given().header("Authorization", Tokens.bearer("province-manager")).queryParam("from", from)
                .get("/api/national-sync/calendar/deadline").then().statusCode(200).extract().path("deadline");
    }

    @Test
    void threeWorkingDaysSkipWeekendsHolidaysAndCompensatoryDays() {
        // Friday 24/4/2026: Monday 27/4 is the day off for Giỗ Tổ (Sunday 26/4), 30/4 and 1/5 are holidays
        org.junit.jupiter.api.Assertions.assertEquals("2026-05-04", deadline("2026-04-24"));
        // Friday 13/2/2026: Tết from Monday 16/2 to Friday 20/2
        org.junit.jupiter.api.Assertions.assertEquals("2026-02-25", deadline("2026-02-13"));
        // Friday 9/1/2026: Saturday 10/1 is worked in exchange for Friday 2/1
        org.junit.jupiter.api.Assertions.assertEquals("2026-01-13", deadline("2026-01-09"));
        // an ordinary week
        org.junit.jupiter.api.Assertions.assertEquals("2026-06-11", deadline("2026-06-08"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("year", 2026)
                .get("/api/national-sync/calendar").then().statusCode(200)
                .body("find { it.day == '2026-04-27' }.kind", equalTo("HOLIDAY"))
                .body("find { it.day == '2026-01-10' }.kind", equalTo("WORKING_DAY"))
                .body("day", hasItem("2026-09-02"));
    }

    @Test
    void anAdminKeepsTheCalendarAndTheDeadlineFollows() {
        String day = "2026-06-17";
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "Ngày nghỉ thử nghiệm"))
                .put("/api/national-sync/calendar/" + day).then().statusCode(200)
                .body("kind", equalTo("HOLIDAY")).body("updatedBy", notNullValue());
        try {
            // Monday 15/6: 16, (17 off), 18, 19
            org.junit.jupiter.api.Assertions.assertEquals("2026-06-19", deadline("2026-06-15"));
        } finally {
            given().header("Authorization", Tokens.bearer("admin")).delete("/api/national-sync/calendar/" + day)
                    .then().statusCode(204);
        }
        org.junit.jupiter.api.Assertions.assertEquals("2026-06-18", deadline("2026-06-15"));
        given().header("Authorization", Tokens.bearer("admin")).delete("/api/national-sync/calendar/" + day)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminEditsAndBadInputIsAFieldError() {
        given().header("Authorization", Tokens.bearer("province-manager")).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x")).put("/api/national-sync/calendar/2026-06-18")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/national-sync/calendar")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY")).put("/api/national-sync/calendar/2026-06-18")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "SOMETIMES", "name", "x")).put("/api/national-sync/calendar/2026-06-18")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x")).put("/api/national-sync/calendar/2026-13-01")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
