package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.Tokens;

/** The enrolment API as the tests call it, with real tokens of the realm's demo users. */
final class Api {

    private Api() {
    }

    static Map<String, Object> nomination(UUID personnelId, UUID classId) {
        Map<String, Object> body = new HashMap<>();
        body.put("personnelId", personnelId.toString());
        body.put("classId", classId.toString());
        body.put("decisionNumber", "123/QĐ-UBND");
        body.put("decisionDate", "2026-01-15");
        return body;
    }

    static Response nominate(String user, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(user)).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body(body).post("/api/enrolments");
    }

    static String nominated(UUID personnelId, UUID classId) {
        return nominate("province-manager", nomination(personnelId, classId)).then().statusCode(201)
                .extract().path("id");
    }

    static Response post(String user, String path, Object body) {
        return given().header("Authorization", Tokens.bearer(user)).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body(body).post(path);
    }

    static Response get(String user, String path) {
        return given().header("Authorization", Tokens.bearer(user)).get(path);
    }

    static void approve(String enrolmentId) {
        post("province-manager", "/api/enrolments/" + enrolmentId + "/approve", Map.of()).then().statusCode(200);
    }
}
