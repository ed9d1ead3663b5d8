package vn.gov.training.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.ReadModelUpgrade;

/**
 * A generation of an older model is not read with this code's SQL: it is rebuilt from the topics (the upgrade path
 * that runs at start-up and with the rebuild sweep), the reports answer 503 problem+json with the rebuild's progress
 * meanwhile, and the same figures once the new generation switches over. The tables outside the generations (change
 * feed, yearly-minimum rules) answer throughout, except to callers whose scope needs the read model's unit tree. An
 * upgrade left BUILDING by a crash is abandoned by the next one.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ReadModelUpgradeTest {

    @Inject
    DataSource dataSource;

    @Inject
    ReadModelUpgrade upgrade;

    @Test
    void aGenerationOfAnOlderModelIsRebuiltWhileTheReportsAnswer503() throws SQLException {
        Scenario s = ReportsTest.scenario();
        List<String> before = ReportsTest.snapshot();
        String old;
        int crashed;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet r = st.executeQuery("update public.report_generation set model_version = "
                    + (ReadModel.MODEL_VERSION - 1) + " where status = 'ACTIVE' returning schema_name");
            r.next();
            old = r.getString(1);
            // an upgrade left BUILDING by an instance that crashed does not stop the next one
            r = st.executeQuery("select coalesce(max(id), 0) + 1 from public.report_generation");
            r.next();
            crashed = r.getInt(1);
            st.execute("create schema rpt_g" + crashed);
            st.execute("insert into public.report_generation (id, schema_name, status, owner, heartbeat_at,"
                    + " model_version) values (" + crashed + ", 'rpt_g" + crashed + "', 'BUILDING', 'pid-1-crashed',"
                    + " now() - interval '1 hour', " + ReadModel.MODEL_VERSION + ")");
        }
        // holds the switch-over (it retires the old generation's row) so that the state in between can be seen
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (Statement st = held.createStatement()) {
                st.executeQuery("select id from public.report_generation where status = 'ACTIVE' for share");
            }
            upgrade.upgradeIfOutdated();
            assertEquals("FAILED", given().header("Authorization", Tokens.bearer("admin"))
                    .get("/api/admin/rebuild/" + crashed).jsonPath().getString("status"));

            Response rebuilding = Poll.until(Duration.ofSeconds(60),
                    () -> ReportsTest.report("admin", "training-summary",
                            "unit=" + s.root + "&from=2021-01-01&to=2021-12-31"),
                    response -> response.statusCode() == 503 && response.jsonPath().get("rebuild") != null);
            assertEquals("application/problem+json", rebuilding.contentType().split(";")[0]);
            assertEquals("read-model-rebuilding", rebuilding.jsonPath().getString("code"));
            assertEquals("Dữ liệu báo cáo đang được dựng lại", rebuilding.jsonPath().getString("title"));
            assertTrue(rebuilding.jsonPath().getString("detail").contains("thử lại sau 30 giây"),
                    rebuilding.asString());
            assertEquals("30", rebuilding.header("Retry-After"));
            assertTrue(rebuilding.jsonPath().getLong("rebuild.eventsRead") >= 0, rebuilding.asString());
            assertEquals(503, ReportsTest.report("leader", "annual", "unit=" + s.root + "&year=2021").statusCode());

            assertEquals(200, given().header("Authorization", Tokens.bearer("admin")).get("/api/feed?limit=1")
                    .statusCode());
            // a scoped reader's units come from the read model's unit tree, which is being rebuilt
            assertEquals(503, given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/feed?limit=1")
                    .statusCode());
            assertEquals(200, given().header("Authorization", Tokens.bearer("leader"))
                    .get("/api/yearly-minimum-rules").statusCode());
            held.rollback();
        }
        Poll.until(Duration.ofSeconds(300), () -> ReportsTest.report("admin", "training-summary",
                "unit=" + s.root + "&from=2021-01-01&to=2021-12-31").statusCode(), status -> status == 200);
        assertEquals(before, ReportsTest.snapshot());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet r = st.executeQuery("select schema_name, model_version from public.report_generation"
                    + " where status = 'ACTIVE'");
            r.next();
            assertTrue(!old.equals(r.getString(1)), "a new generation is in use");
            assertEquals(ReadModel.MODEL_VERSION, r.getInt(2));
            r = st.executeQuery("select count(*) from information_schema.schemata where schema_name = '" + old + "'");
            r.next();
            assertEquals(0, r.getInt(1), "the old generation's schema is dropped");
        }
        // the live projection, held meanwhile, follows into the new generation
        ReportsTest.sendAndWait();
        assertEquals(before, ReportsTest.snapshot());
    }
}
