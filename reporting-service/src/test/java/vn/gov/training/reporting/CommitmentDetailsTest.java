package vn.gov.training.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gov.training.reporting.ReportsTest.ok;
import static vn.gov.training.reporting.ReportsTest.report;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.RealInfrastructure;

/** The commitments and repayment cases behind each figure of report 7, on the scenario of {@link ReportsTest}. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CommitmentDetailsTest {

    @Test
    void eachCommitmentFigureListsTheCommitmentsBehindIt() {
        Scenario s = ReportsTest.scenario();
        JsonPath summary = ok("admin", "commitments", "unit=" + s.root);
        JsonPath all = ok("admin", "commitments/details", "unit=" + s.root);
        assertEquals(6, all.getInt("total"));

        JsonPath open = ok("admin", "commitments/details", "unit=" + s.root + "&state=OPEN");
        assertEquals(summary.getInt("total.open"), open.getInt("total"));
        assertEquals(Set.of(s.p2, s.px), Set.copyOf(open.getList("items.personnelId", String.class)));
        assertEquals(List.of("OPEN", "OPEN"), open.getList("items.state"));
        assertEquals(summary.getLong("total.openCostVnd"),
                open.getList("items.costVnd", Long.class).stream().mapToLong(Long::longValue).sum());

        // p1's 2021 commitment ran out without its fulfilled event: counted, and listed, as FULFILLED
        JsonPath fulfilled = ok("admin", "commitments/details", "unit=" + s.root + "&state=FULFILLED");
        assertEquals(Set.of(s.p1, s.p5), Set.copyOf(fulfilled.getList("items.personnelId", String.class)));
        JsonPath breached = ok("admin", "commitments/details", "unit=" + s.root + "&state=BREACHED");
        assertEquals(List.of(s.p3), breached.getList("items.personnelId"));
        assertEquals(50_000_000L, breached.getLong("items[0].costVnd"));
        assertEquals(List.of(s.b), breached.getList("items.unitCode"));
        assertEquals(1, ok("admin", "commitments/details", "unit=" + s.root + "&state=RELEASED").getInt("total"));

        assertEquals(0, ok("admin", "commitments/details", "unit=" + s.root + "&staffCategory=PUBLIC_EMPLOYEE"
                + "&state=OPEN").getInt("total"));
        assertEquals(400, report("admin", "commitments/details", "unit=" + s.root + "&state=ACTIVE").statusCode());
    }

    @Test
    void eachRepaymentFigureListsTheCasesBehindIt() {
        Scenario s = ReportsTest.scenario();
        JsonPath summary = ok("admin", "commitments", "unit=" + s.root);
        JsonPath cases = ok("admin", "commitments/repayments", "unit=" + s.root);
        assertEquals(summary.getInt("total.repaymentCases"), cases.getInt("total"));
        assertEquals(Set.of(s.p3), Set.copyOf(cases.getList("items.personnelId", String.class)));

        JsonPath decided = ok("admin", "commitments/repayments", "unit=" + s.root + "&column=DECIDED");
        assertEquals(summary.getLong("total.decidedVnd"),
                decided.getList("items.amountVnd", Long.class).stream().mapToLong(Long::longValue).sum());
        JsonPath recovered = ok("admin", "commitments/repayments", "unit=" + s.root + "&column=RECOVERED");
        assertEquals(List.of("PAID"), recovered.getList("items.status"));
        assertEquals(summary.getLong("total.recoveredVnd"), recovered.getLong("items[0].amountVnd"));
        assertEquals(400, report("admin", "commitments/repayments", "unit=" + s.root + "&column=ALL").statusCode());
    }

    @Test
    void anOfficerSeesOnlyTheCommitmentsOfTheirSubtree() {
        Scenario s = ReportsTest.scenario();
        assertEquals(404, report("unit-officer", "commitments/details", "unit=" + s.other).statusCode());
        assertEquals(404, report("unit-officer", "commitments/repayments", "unit=" + s.other).statusCode());
        assertEquals(6, ok("unit-officer", "commitments/details", "unit=" + s.root).getInt("total"));
        assertEquals(404, report("unit-officer-2", "commitments/details", "unit=" + s.root).statusCode());
        assertEquals(404, report("unit-officer-2", "commitments/repayments", "unit=" + s.root).statusCode());
    }
}
