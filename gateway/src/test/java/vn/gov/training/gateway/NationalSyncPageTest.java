package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import vn.gov.training.platform.testing.Tokens;

/** The national-sync page of the console against {@link ServiceStubs}: what the province reads and re-sends. */
@QuarkusTest
@WithTestResource(ServiceStubs.class)
class NationalSyncPageTest {

    private static final String CSRF = "t".repeat(43);

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role));
    }

    @Test
    void theProvinceReadsOverdueRejectedAndPendingDeliveries() {
        as("province-manager").get("/console/national-sync").then().statusCode(200)
                .body(containsString("Đồng bộ cơ sở dữ liệu quốc gia"))
                .body(containsString("Quá hạn (1)"))
                .body(containsString("Nguyễn Thị Hồng Khang"))
                .body(containsString("04/05/2026"))
                .body(containsString("Thông tin cán bộ"))
                .body(containsString("person.rank: a civil servant&#39;s file carries the rank (ngạch)"))
                .body(containsString("Gửi lại"))
                .body(containsString("HTTP 503"))
                .body(containsString("href=\"/console/national-sync\""))
                // the latest initial load and its progress; only an admin starts one
                .body(containsString("Nạp ban đầu"))
                .body(containsString("Đang chạy (50%)"))
                .body(containsString("6.250"))
                .body(containsString("12.500"))
                .body(containsString("30/06/2026"))
                .body(not(containsString("Bắt đầu nạp ban đầu")));
        as("admin").get("/console/national-sync").then().statusCode(200)
                .body(containsString("Bắt đầu nạp ban đầu"));
        as("unit-officer").get("/console").then().statusCode(200)
                .body(not(containsString("href=\"/console/national-sync\"")));
    }

    @Test
    void anAdminStartsTheInitialLoadFromThePage() {
        as("admin").cookie("csrf-token", CSRF).header("X-CSRF-Token", CSRF)
                .post("/console/national-sync/initial-loads")
                .then().statusCode(200).body(containsString("Đã bắt đầu nạp ban đầu"));
    }

    @Test
    void aRejectedDeliveryIsResentFromThePage() {
        as("admin").cookie("csrf-token", CSRF).header("X-CSRF-Token", CSRF)
                .post("/console/national-sync/deliveries/6d000000-0000-4000-8000-000000000001/resend")
                .then().statusCode(200).body(containsString("Đã đưa vào hàng đợi gửi lại."));
    }
}
