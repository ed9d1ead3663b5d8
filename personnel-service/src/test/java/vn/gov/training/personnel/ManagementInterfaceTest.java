package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.gov.training.platform.testing.RealInfrastructure;

/**
 * The production layout of the non-application endpoints (the platform's {@code %prod} settings, repeated here for
 * a test): metrics, the OpenAPI document and Swagger UI only on the management interface; health on the API port,
 * where the probes look.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.ProductionLayout.class)
@WithTestResource(RealInfrastructure.class)
class ManagementInterfaceTest {

    /**
     * Fixed ports, as in production: with a random API port (the tests' default) Micrometer tags the two servers'
     * metrics differently (server.port only on the one with a fixed port) and Prometheus refuses the second.
     */
    static final int API_PORT = 48191;
    static final int MANAGEMENT_PORT = 49191;

    public static class ProductionLayout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.management.host", "127.0.0.1",
                    "quarkus.management.test-port", String.valueOf(MANAGEMENT_PORT),
                    "quarkus.http.test-port", String.valueOf(API_PORT),
                    "quarkus.smallrye-health.management.enabled", "false");
        }
    }

    @Test
    void metricsAndApiDocumentsAreOnTheManagementPortAndHealthStaysOnTheApiPort() {
        given().get("/q/health/ready").then().statusCode(200);
        for (String path : new String[] {"/q/openapi", "/q/metrics", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
        String management = "http://127.0.0.1:" + MANAGEMENT_PORT;
        given().queryParam("format", "json").get(management + "/q/openapi").then().statusCode(200)
                .body(containsString("/api/personnel"));
        given().get(management + "/q/metrics").then().statusCode(200);
        given().get(management + "/q/swagger-ui/").then().statusCode(lessThan(400));
    }
}
