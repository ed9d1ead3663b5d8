package vn.gov.training.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import vn.gov.training.platform.testing.Poll;

/**
 * The whole system as the README starts it, driven through the gateway with real Keycloak tokens: security at
 * the door, health of every part, and org-unit events reaching every other service's copy — also across an outage
 * of Kafka.
 */
class PlatformSystemIT {

    private static String gateway() {
        return SystemStack.url("GATEWAY_URL");
    }

    private static String newCode() {
        return "SYS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void createUnit(String code) {
        given().header("Authorization", "Bearer " + SystemTokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Đơn vị kiểm thử " + code, "kind", "OTHER", "parentCode", "HG"))
                .post(gateway() + "/api/org-units").then().statusCode(201);
    }

    @Test
    void everyComponentIsHealthy() {
        for (String url : List.of("PERSONNEL_URL", "COURSE_URL", "ENROLMENT_URL", "REPORTING_URL", "GATEWAY_URL")) {
            given().get(SystemStack.url(url) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void noTokenIs401AndTheWrongRoleIs403() {
        given().get(gateway() + "/api/org-units/tree").then().statusCode(401);
        given().header("Authorization", "Bearer " + SystemTokens.user("staff")).contentType(ContentType.JSON)
                .body(Map.of("code", newCode(), "name", "Không được tạo", "kind", "OTHER"))
                .post(gateway() + "/api/org-units").then().statusCode(403)
                .contentType("application/problem+json");
        String integration = SystemTokens.client("example-department-system", "department-dev-secret");
        given().header("Authorization", "Bearer " + integration).get(gateway() + "/api/org-units/tree")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + integration).contentType(ContentType.JSON)
                .body(Map.of("code", newCode(), "name", "Hệ thống ngoài không được tạo", "kind", "OTHER"))
                .post(gateway() + "/api/org-units").then().statusCode(403);
    }

    @Test
    void anOrgUnitCreatedThroughTheGatewayReachesEveryOtherServiceWithinSeconds() {
        String code = newCode();
        createUnit(code);
        Poll.until(Duration.ofSeconds(10), () -> SystemData.unitCopiedEverywhere(code), copied -> copied);
    }

    @Test
    void noEventIsLostWhileKafkaIsDown() {
        SystemStack.run("down", "kafka");
        List<String> codes = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                String code = newCode();
                createUnit(code); // the write succeeds: the event waits in the outbox
                codes.add(code);
            }
        } finally {
            SystemStack.run("up", "kafka");
        }
        Poll.until(Duration.ofSeconds(90), () -> codes.stream().allMatch(SystemData::unitCopiedEverywhere),
                copied -> copied);
    }
}
