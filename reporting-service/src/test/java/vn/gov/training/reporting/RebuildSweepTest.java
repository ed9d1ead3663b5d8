package vn.gov.training.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.reporting.projection.Rebuild;

/**
 * Issue 19: no rebuild stays BUILDING without a worker. The sweep (at start-up, when the database returns, every
 * 30 s) ends a build whose instance stopped beating, and leaves one that still beats.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RebuildSweepTest {

    @Inject
    DataSource dataSource;

    @Inject
    Rebuild rebuild;

    @Test
    void aBuildWhoseInstanceDiedIsEndedFailedAndALiveOneIsLeftAlone() throws SQLException {
        int dead = insertBuilding("pid-1-killed", "now() - interval '1 hour'");
        int alive = insertBuilding("pid-2-beating", "now()");

        assertTrue(rebuild.sweep() >= 1);

        JsonPath ended = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/rebuild/" + dead)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", ended.getString("status"));
        assertTrue(ended.getString("error").startsWith("abandoned: no heartbeat"), ended.prettify());
        assertEquals("BUILDING", given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/admin/rebuild/" + alive).jsonPath().getString("status"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet r = st.executeQuery("select count(*) from information_schema.schemata where schema_name = 'rpt_g"
                    + dead + "'");
            r.next();
            assertEquals(0, r.getInt(1), "the dead build's schema is dropped");
            st.execute("update public.report_generation set status = 'FAILED' where id = " + alive);
            st.execute("drop schema rpt_g" + alive + " cascade");
        }
    }

    private int insertBuilding(String owner, String heartbeat) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet r = st.executeQuery("select coalesce(max(id), 0) + 1 from public.report_generation");
            r.next();
            int id = r.getInt(1);
            st.execute("create schema rpt_g" + id);
            st.execute("insert into public.report_generation (id, schema_name, status, owner, heartbeat_at) values ("
                    + id + ", 'rpt_g" + id + "', 'BUILDING', '" + owner + "', " + heartbeat + ")");
            return id;
        }
    }
}
