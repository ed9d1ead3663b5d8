package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.Tokens;

/** With course-service down (nothing listens on its port), the console's pages say so instead of failing. */
@QuarkusTest
@WithTestResource(StubServices.class)
class ConsoleOutageTest {

    @Test
    void aServiceThatIsDownShowsItsProblemOnThePage() {
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/console/catalogue").then().statusCode(200)
                .body(containsString("Không kết nối được tới dịch vụ"));
    }
}
