package vn.gov.training.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.reporting.projection.AnnualRollup;
import vn.gov.training.reporting.projection.CommitmentRollup;
import vn.gov.training.reporting.projection.DistinctRollup;
import vn.gov.training.reporting.projection.GapRollup;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.projection.StaffRollup;
import vn.gov.training.reporting.projection.StockRollup;
import vn.gov.training.reporting.service.Period;
import vn.gov.training.reporting.service.QualificationStockReport;
import vn.gov.training.reporting.service.ReportUnits;
import vn.gov.training.reporting.service.RollupScope;
import vn.gov.training.reporting.service.Where;
import vn.gov.training.reporting.service.YearlyMinimumReport;

/**
 * The reports over a scenario of units, people, classes and enrolments sent to Kafka as CloudEvents: exact figures,
 * units and people as they were at the time asked, scope, drill-down, Excel, redelivery and rebuild.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ReportsTest {

    @Inject
    DataSource dataSource;
    @Inject
    Sql sql;
    @Inject
    ReportUnits reportUnits;
    @Inject
    ReadModel readModel;

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static Scenario scenario;
    private static int round;

    static synchronized Scenario scenario() {
        if (scenario == null) {
            scenario = new Scenario();
            sendAndWait();
        }
        return scenario;
    }

    /** Sends the scenario (again) and waits until this round's markers show on every topic read. */
    static void sendAndWait() {
        int r = ++round;
        scenario.send(r);
        String marker = scenario.marker(r);
        // the first round reads every topic from the beginning: all the events every test run has sent so far (the
        // personnel tests alone import about 15,000 people)
        Poll.until(Duration.ofSeconds(r == 1 ? 600 : 90), () -> report("admin", "training-summary",
                "unit=" + marker + "&from=2030-01-01&to=2030-12-31").jsonPath(),
                json -> json.getInt("total.turns") == 1 && ("Mốc " + r).equals(json.getString("unitName")));
        Poll.until(Duration.ofSeconds(90), () -> report("admin", "qualification-stock", "unit=" + marker).jsonPath(),
                json -> json.getList("rows").size() == 1 && json.getInt("rows[0].at") == 1);
    }

    static Response report(String user, String report, String query) {
        return given().header("Authorization", Tokens.bearer(user)).accept("application/json")
                .get("/api/reports/" + report + "?" + query);
    }

    static JsonPath ok(String user, String report, String query) {
        Response response = report(user, report, query);
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }

    private static List<String> summaryRows(JsonPath json) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : json.<Map<String, Object>>getList("rows")) {
            rows.add(r.get("category") + "/" + r.get("level") + " classes=" + r.get("classes") + " turns="
                    + r.get("turns") + " people=" + r.get("people") + " completed=" + r.get("completed") + " failed="
                    + r.get("failed") + " withdrawn=" + r.get("withdrawn") + " periods=" + r.get("periods")
                    + " cost=" + r.get("costVnd"));
        }
        Map<String, Object> t = json.getMap("total");
        rows.add("total classes=" + t.get("classes") + " turns=" + t.get("turns") + " people=" + t.get("people")
                + " completed=" + t.get("completed") + " failed=" + t.get("failed") + " withdrawn="
                + t.get("withdrawn") + " periods=" + t.get("periods") + " cost=" + t.get("costVnd"));
        return rows;
    }

    @Test
    void trainingSummaryCountsTheTurnsOfTheUnitsAsTheyWereInThePeriod() {
        Scenario s = scenario();
        JsonPath y2021 = ok("admin", "training-summary", "unit=" + s.root + "&from=2021-01-01&to=2021-12-31");
        assertEquals(List.of(
                "DIGITAL_SKILLS/BASIC classes=1 turns=1 people=1 completed=0 failed=0 withdrawn=1 periods=0 cost=2000000",
                "POLITICAL_THEORY/INTERMEDIATE classes=1 turns=3 people=3 completed=2 failed=1 withdrawn=0 periods=110 cost=30000000",
                "STATE_MANAGEMENT/PRINCIPAL_SPECIALIST classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=20 cost=5000000",
                "total classes=3 turns=5 people=4 completed=3 failed=1 withdrawn=1 periods=130 cost=37000000"),
                summaryRows(y2021));
        assertEquals(List.of("SELF:1:2000000", "STATE_BUDGET:3:30000000", "UNIT:1:5000000"),
                y2021.<Map<String, Object>>getList("byFundingSource").stream()
                        .map(m -> m.get("code") + ":" + m.get("turns") + ":" + m.get("costVnd")).toList());
        assertEquals(List.of("CONCENTRATED:1", "ONLINE:1", "PART_TIME:3"),
                y2021.<Map<String, Object>>getList("byDeliveryMode").stream()
                        .map(m -> m.get("code") + ":" + m.get("turns")).toList());

        // unit C belonged to the other root until 2022: its 2021 turn counts there, its 2022 turn here
        JsonPath y2022 = ok("admin", "training-summary", "unit=" + s.root + "&from=2022-01-01&to=2022-12-31");
        assertEquals(List.of(
                "FOREIGN_LANGUAGE/B1 classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=60 cost=50000000",
                "KNOWLEDGE_UPDATE/GROUP_3 classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=16 cost=1000000",
                "total classes=2 turns=2 people=2 completed=2 failed=0 withdrawn=0 periods=76 cost=51000000"),
                summaryRows(y2022));
        assertEquals(List.of("DOMESTIC:1", "OVERSEAS:1"), y2022.<Map<String, Object>>getList("byLocation").stream()
                .map(m -> m.get("code") + ":" + m.get("turns")).toList());
        assertEquals(2, ok("admin", "training-summary", "unit=" + s.other + "&from=2021-01-01&to=2021-12-31")
                .getInt("total.turns"));
        assertEquals(0, ok("admin", "training-summary", "unit=" + s.other + "&from=2022-01-01&to=2022-12-31")
                .getInt("total.turns"));
        // the person who moved from A to B in March 2022: trained in A in 2021, in B in 2022
        assertEquals(4, ok("admin", "training-summary", "unit=" + s.a + "&from=2021-01-01&to=2021-12-31")
                .getInt("total.turns"));
        assertEquals(1, ok("admin", "training-summary", "unit=" + s.b + "&from=2022-01-01&to=2022-12-31")
                .getInt("total.turns"));
        // staff category filter
        assertEquals(3, ok("admin", "training-summary", "unit=" + s.root
                + "&from=2021-01-01&to=2021-12-31&staffCategory=CIVIL_SERVANT").getInt("total.turns"));
    }

    /**
     * A top-level unit is answered from the roll-up (its districts from training_fact): the same figures as the sum
     * of its districts, also after a redelivery and after an enrolment changes status. For a period in which a unit
     * now anchored there still belonged elsewhere, the roll-up is not used and the figures stay those of the units as
     * they were.
     */
    @Test
    void aProvinceWideSummaryFromTheRollUpAddsUpToItsDistricts() throws SQLException {
        Scenario s = scenario();
        String y2022 = "&from=2022-01-01&to=2022-12-31";
        String both = "&from=2021-01-01&to=2022-12-31";
        assertEquals(List.of(
                "POLITICAL_THEORY/INTERMEDIATE classes=1 turns=2 people=2 completed=1 failed=0 withdrawn=0 periods=40 cost=20000000",
                "STATE_MANAGEMENT/SPECIALIST classes=1 turns=1 people=1 completed=0 failed=1 withdrawn=0 periods=10 cost=5000000",
                "total classes=2 turns=3 people=3 completed=1 failed=1 withdrawn=0 periods=50 cost=25000000"),
                summaryRows(ok("admin", "training-summary", "unit=" + s.t + y2022)));
        assertEquals(List.of(
                "DIGITAL_SKILLS/BASIC classes=1 turns=2 people=2 completed=1 failed=0 withdrawn=1 periods=20 cost=4000000",
                "POLITICAL_THEORY/INTERMEDIATE classes=1 turns=2 people=2 completed=1 failed=0 withdrawn=0 periods=40 cost=20000000",
                "STATE_MANAGEMENT/SPECIALIST classes=1 turns=1 people=1 completed=0 failed=1 withdrawn=0 periods=10 cost=5000000",
                "total classes=3 turns=5 people=3 completed=2 failed=1 withdrawn=1 periods=70 cost=29000000"),
                summaryRows(ok("admin", "training-summary", "unit=" + s.t + both)));
        // June to December 2021 from the monthly rows, 2022 from the yearly ones: the same turns
        String fromJune = "&from=2021-06-01&to=2022-12-31";
        assertEquals(summaryRows(ok("admin", "training-summary", "unit=" + s.t + both)),
                summaryRows(ok("admin", "training-summary", "unit=" + s.t + fromJune)));
        assertEquals(List.of(s.t), sources(s.t, "2021-06-01", "2022-12-31").anchors());
        assertAddsUpToDistricts(s, fromJune);
        // whole quarters and months only (no whole year), and months, quarters and years
        assertAddsUpToDistricts(s, "&from=2021-04-01&to=2022-09-30");
        assertAddsUpToDistricts(s, "&from=2021-02-01&to=2022-11-30");
        assertAddsUpToDistricts(s, "&from=2020-08-01&to=2022-12-31");
        // U.C's 2021 turn counted in U then, not in T: T's 2021 summary cannot use the roll-up
        assertEquals(List.of(
                "DIGITAL_SKILLS/BASIC classes=1 turns=1 people=1 completed=0 failed=0 withdrawn=1 periods=0 cost=2000000",
                "total classes=1 turns=1 people=1 completed=0 failed=0 withdrawn=1 periods=0 cost=2000000"),
                summaryRows(ok("admin", "training-summary", "unit=" + s.t + "&from=2021-01-01&to=2021-12-31")));
        assertEquals(1, ok("admin", "training-summary", "unit=" + s.u + "&from=2021-01-01&to=2021-12-31")
                .getInt("total.completed"));
        assertEquals(List.of(s.t), sources(s.t, "2022-01-01", "2022-12-31").anchors());
        assertEquals(List.of(s.t), sources(s.t, "2021-01-01", "2022-12-31").anchors());
        assertEquals(List.of(), sources(s.t, "2021-01-01", "2021-12-31").anchors());
        assertEquals(List.of(), sources(s.td2, "2022-01-01", "2022-12-31").anchors());
        assertEquals(2, ok("admin", "training-summary", "unit=" + s.t + y2022 + "&staffCategory=CIVIL_SERVANT")
                .getInt("total.turns"));
        assertAddsUpToDistricts(s, y2022);
        assertAddsUpToDistricts(s, both);
        assertRollUpMatchesFacts(s);

        List<String> before = List.of(ok("admin", "training-summary", "unit=" + s.t + y2022).prettify(),
                ok("admin", "training-summary", "unit=" + s.t + both).prettify());
        sendAndWait();
        assertEquals(before, List.of(ok("admin", "training-summary", "unit=" + s.t + y2022).prettify(),
                ok("admin", "training-summary", "unit=" + s.t + both).prettify()));

        // the turn in progress is completed: taken out of IN_PROGRESS, added to COMPLETED with its 40 periods
        s.completeInT();
        JsonPath done = Poll.until(Duration.ofSeconds(60),
                () -> ok("admin", "training-summary", "unit=" + s.t + y2022),
                json -> json.getInt("total.completed") == 2);
        assertEquals(List.of(
                "POLITICAL_THEORY/INTERMEDIATE classes=1 turns=2 people=2 completed=2 failed=0 withdrawn=0 periods=80 cost=20000000",
                "STATE_MANAGEMENT/SPECIALIST classes=1 turns=1 people=1 completed=0 failed=1 withdrawn=0 periods=10 cost=5000000",
                "total classes=2 turns=3 people=3 completed=2 failed=1 withdrawn=0 periods=90 cost=25000000"),
                summaryRows(done));
        assertEquals(0, done.getInt("total.inProgress"));
        assertAddsUpToDistricts(s, y2022);
        assertAddsUpToDistricts(s, both);
        assertRollUpMatchesFacts(s);

        // its start corrected from March to April: the year is unchanged, March keeps only the other learner
        String march = "&from=2022-03-01&to=2022-03-31";
        s.rescheduleInT();
        JsonPath marchOnly = Poll.until(Duration.ofSeconds(60),
                () -> ok("admin", "training-summary", "unit=" + s.t + march),
                json -> json.getInt("total.turns") == 1);
        assertEquals(List.of(
                "POLITICAL_THEORY/INTERMEDIATE classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=40 cost=10000000",
                "total classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=40 cost=10000000"),
                summaryRows(marchOnly));
        assertEquals(List.of(s.t), sources(s.t, "2022-03-01", "2022-03-31").anchors());
        assertEquals(summaryRows(done), summaryRows(ok("admin", "training-summary", "unit=" + s.t + y2022)));
        assertRollUpMatchesFacts(s);
    }

    /**
     * A unit whose turns are in the roll-up moves to another top-level unit: its facts move to that anchor, and the
     * summary of either counts the unit where it was in the period asked.
     */
    @Test
    void aUnitMovedToAnotherTopLevelUnitTakesItsRolledUpTurnsAlong() throws SQLException {
        Scenario s = scenario();
        String y2021 = "&from=2021-01-01&to=2021-12-31";
        assertEquals(1, ok("admin", "training-summary", "unit=" + s.v + y2021).getInt("total.turns"));
        s.moveToW();
        Poll.until(Duration.ofSeconds(60), () -> anchorOf(s.vc), s.w::equals);
        JsonPath v2021 = ok("admin", "training-summary", "unit=" + s.v + y2021);
        assertEquals(List.of(
                "DEFENCE_SECURITY/GROUP_4 classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=24 cost=3000000",
                "total classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=24 cost=3000000"),
                summaryRows(v2021));
        assertEquals(0, ok("admin", "training-summary", "unit=" + s.w + y2021).getInt("total.turns"));
        assertEquals(List.of(), sources(s.w, "2021-01-01", "2021-12-31").anchors());
        // asked up to 2023, V.C is counted in W (units as they were at the end of the period), from W's roll-up
        JsonPath w = ok("admin", "training-summary", "unit=" + s.w + "&from=2021-01-01&to=2023-12-31");
        assertEquals(summaryRows(v2021), summaryRows(w));
        assertEquals(List.of(s.w), sources(s.w, "2021-01-01", "2023-12-31").anchors());
        assertRollUpMatchesFacts(s);
    }

    /**
     * The qualification stock of the whole data set and of top-level units comes from stock_rollup and the intervals
     * of the year asked: on any date, before its first year, on 1 January and in the future, it equals a count of
     * the intervals containing the date.
     */
    @Test
    void theStockOfWideScopesFromTheRollUpEqualsACountOfTheIntervals() {
        Scenario s = scenario();
        List<String> dates = List.of("1985-06-30", "1990-01-01", "2004-01-01", "2005-07-01", "2019-12-31",
                "2021-12-31", "2022-01-01", "2022-03-01", "2022-06-30", ProvinceTime.today().toString(), "2040-01-01");
        java.util.Map<String, Map<String, Long>> expected = new java.util.TreeMap<>();
        java.util.function.Supplier<java.util.Map<String, Map<String, Long>>> reported = () -> {
            java.util.Map<String, Map<String, Long>> all = new java.util.TreeMap<>();
            for (String unit : java.util.Arrays.asList(null, s.t, s.u, s.w, s.root)) {
                for (String category : java.util.Arrays.asList(null, "CIVIL_SERVANT")) {
                    for (String date : dates) {
                        String key = unit + " " + category + " " + date;
                        expected.put(key, stockCounted(unit, LocalDate.parse(date), category));
                        JsonPath json = ok("admin", "qualification-stock", (unit == null ? "" : "unit=" + unit + "&")
                                + "at=" + date + (category == null ? "" : "&staffCategory=" + category));
                        Map<String, Long> rows = new java.util.TreeMap<>();
                        for (Map<String, Object> r : json.<Map<String, Object>>getList("rows")) {
                            rows.put(r.get("kind") + "/" + r.get("level"), ((Number) r.get("at")).longValue());
                        }
                        all.put(key, rows);
                    }
                }
            }
            return all;
        };
        // events of other tests may still be arriving: compare again until both sides agree
        assertEquals(expected, Poll.until(Duration.ofSeconds(30), reported::get, expected::equals));
        assertTrue(expected.get("null null 2022-06-30").values().stream().mapToLong(Long::longValue).sum() > 0);
        assertEquals(List.of(s.t), stockSources(s.t, "2022-06-30").anchors());
    }

    /**
     * The yearly minimum from staff_rollup and person_year placed at year end equals a count over every person's
     * history, per unit, for the whole data set and a unit's subtree, in past years, the current one and before the
     * roll-up's first year.
     */
    @Test
    void theYearlyMinimumFromTheRollUpEqualsACountOfEveryPersonsHistory() {
        Scenario s = scenario();
        List<Integer> years = List.of(1985, 2004, 2021, 2022, ProvinceTime.today().getYear());
        java.util.Map<String, List<String>> expected = new java.util.TreeMap<>();
        java.util.function.Supplier<java.util.Map<String, List<String>>> reported = () -> {
            java.util.Map<String, List<String>> all = new java.util.TreeMap<>();
            for (String unit : java.util.Arrays.asList(null, s.root, s.q, s.t)) {
                for (String category : java.util.Arrays.asList(null, "CIVIL_SERVANT")) {
                    for (int year : years) {
                        String key = unit + " " + category + " " + year;
                        expected.put(key, minimumCounted(unit, year, category));
                        all.put(key, minimumRows(ok("admin", "yearly-minimum", (unit == null ? "" : "unit=" + unit
                                + "&") + "year=" + year + (category == null ? "" : "&staffCategory=" + category))));
                    }
                }
            }
            return all;
        };
        // events of other tests may still be arriving: compare again until both sides agree
        assertEquals(expected, Poll.until(Duration.ofSeconds(30), reported::get, expected::equals));
        assertTrue(expected.get("null null 2022").size() > 1);
    }

    private record UnitStaff(String unit, long active, long met) {
    }

    /** The yearly-minimum rows of a subtree (null: everything), counted over every person's history. */
    private List<String> minimumCounted(String unit, int year, String staffCategory) {
        return inReadModel(() -> {
            LocalDate asOf = Period.year(year).unitsAsOf();
            Where where = YearlyMinimumReport.activeOn(unit == null ? null : reportUnits.subtree(unit, asOf), asOf,
                    staffCategory);
            List<String> rows = new ArrayList<>();
            long active = 0;
            long met = 0;
            for (UnitStaff u : sql.list("""
                    select v.unit_code, count(*), count(*) filter (where coalesce(y.periods, 0) >= 40)
                    from person_version v left join person_year y on y.personnel_id = v.personnel_id and y.year = ?
                    where %s group by v.unit_code order by v.unit_code""".formatted(where.sql()),
                    r -> new UnitStaff(r.string(1), r.longValue(2), r.longValue(3)),
                    Stream.concat(Stream.of(year), Stream.of(where.params())).toArray())) {
                long a = u.active();
                long m = u.met();
                rows.add(u.unit() + " active=" + a + " met=" + m + " notMet=" + (a - m) + " share="
                        + (Math.round(1000.0 * m / a) / 1000.0));
                active += a;
                met += m;
            }
            rows.add("total active=" + active + " met=" + met + " notMet=" + (active - met));
            return rows;
        });
    }

    /** The stock of a unit's subtree (null: everything) on a date, counted from the intervals one by one. */
    private Map<String, Long> stockCounted(String unit, LocalDate on, String staffCategory) {
        return inReadModel(() -> {
            Where where = QualificationStockReport.filter(unit == null ? null : reportUnits.subtree(unit, on), on,
                    staffCategory);
            Map<String, Long> counts = new java.util.TreeMap<>();
            sql.list("select kind, level, count(*) from stock_interval where " + where.sql()
                    + " group by kind, level", r -> Map.entry(r.string("kind") + "/" + r.string("level"),
                    r.longValue(3)), where.params()).forEach(c -> counts.put(c.getKey(), c.getValue()));
            return counts;
        });
    }

    private RollupScope stockSources(String unit, String on) {
        LocalDate date = LocalDate.parse(on);
        return inReadModel(() -> RollupScope.of(sql, reportUnits.subtree(unit, date), "stock_interval",
                new Where().and("valid_from <= ?", date).and("(valid_to is null or valid_to > ?)", date)));
    }

    private String anchorOf(String unit) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet r = st.executeQuery("select (select anchor_code from " + activeSchema(st)
                    + ".rollup_unit where unit_code = '" + unit + "')");
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String activeSchema(Statement st) throws SQLException {
        ResultSet g = st.executeQuery("select schema_name from public.report_generation where status = 'ACTIVE'");
        g.next();
        return g.getString(1);
    }

    /** Turns, outcomes, periods and cost of T, per line and split, are those of T.D1 and T.D2 added up. */
    private static void assertAddsUpToDistricts(Scenario s, String period) {
        Map<String, Long> province = additive(ok("admin", "training-summary", "unit=" + s.t + period));
        Map<String, Long> districts = new java.util.TreeMap<>();
        for (String d : List.of(s.td1, s.td2)) {
            additive(ok("admin", "training-summary", "unit=" + d + period)).forEach((k, v) -> districts.merge(k, v,
                    Long::sum));
        }
        assertEquals(districts, province);
        assertTrue(province.get("total/turns") > 0);
    }

    private static Map<String, Long> additive(JsonPath json) {
        Map<String, Long> figures = new java.util.TreeMap<>();
        List<Map<String, Object>> lines = new ArrayList<>(json.<Map<String, Object>>getList("rows"));
        lines.add(json.getMap("total"));
        for (Map<String, Object> r : lines) {
            String key = r.get("category") == null ? "total" : r.get("category") + "/" + r.get("level");
            for (String f : List.of("turns", "completed", "failed", "withdrawn", "inProgress", "periods", "costVnd")) {
                figures.merge(key + "/" + f, ((Number) r.get(f)).longValue(), Long::sum);
            }
        }
        for (String split : List.of("byDeliveryMode", "byLocation", "byFundingSource")) {
            for (Map<String, Object> r : json.<Map<String, Object>>getList(split)) {
                for (String f : List.of("turns", "costVnd", "fundedVnd")) {
                    figures.merge(split + "/" + r.get("code") + "/" + f, ((Number) r.get(f)).longValue(), Long::sum);
                }
            }
        }
        return figures;
    }

    /** Where the summary of a unit's subtree would take its sums from, as the report decides it. */
    private RollupScope sources(String unit, String from, String to) {
        Period period = Period.of(LocalDate.parse(from), LocalDate.parse(to));
        return inReadModel(() -> RollupScope.of(sql, reportUnits.subtree(unit, period.unitsAsOf()), period, null));
    }

    /** Runs {@code work} in a request and a transaction on the active read-model generation. */
    private <T> T inReadModel(java.util.concurrent.Callable<T> work) {
        ManagedContext request = Arc.container().requestContext();
        boolean active = request.isActive();
        if (!active) {
            request.activate();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                readModel.useActive();
                return work.call();
            });
        } finally {
            if (!active) {
                request.terminate();
            }
        }
    }

    /**
     * The roll-up the deltas keep is exactly training_fact summed by anchor (U.C now anchored to T), in the whole
     * active generation.
     */
    private void assertRollUpMatchesFacts(Scenario s) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String schema = activeSchema(st);
            String summed = """
                    select m.anchor_code, p.span, p.period_month, f.staff_category, s.split, s.code, s.category,
                        s.level, s.status, sum(f.turns), sum(f.periods), sum(f.cost_vnd), sum(f.funding_vnd)
                    from %1$s.training_fact f join %1$s.rollup_unit m on m.unit_code = f.unit_code
                    cross join lateral (values ('M', f.period_month), ('Q', date_trunc('quarter', f.period_month)::date),
                        ('Y', date_trunc('year', f.period_month)::date)) p(span, period_month)
                    cross join lateral (values ('LINE', '', f.category, f.level, f.status),
                        ('DELIVERY_MODE', f.delivery_mode, '', '', ''), ('LOCATION', f.location, '', '', ''),
                        ('FUNDING_SOURCE', f.funding_source, '', '', '')) s(split, code, category, level, status)
                    where f.status in ('IN_PROGRESS', 'COMPLETED', 'FAILED', 'WITHDRAWN')
                    group by 1, 2, 3, 4, 5, 6, 7, 8, 9""".formatted(schema);
            String stored = """
                    select anchor_code, span, period_month, staff_category, split, code, category, level, status, turns,
                        periods, cost_vnd, funding_vnd from %s.training_rollup
                    where turns <> 0 or periods <> 0 or cost_vnd <> 0 or funding_vnd <> 0""".formatted(schema);
            ResultSet r = st.executeQuery("select (select count(*) from (" + stored + " except all " + summed
                    + ") a), (select count(*) from (" + summed + " except all " + stored + ") b),"
                    + " (select count(*) from " + schema + ".training_fact f where not exists (select 1 from " + schema
                    + ".rollup_unit m where m.unit_code = f.unit_code)),"
                    + " (select anchor_code from " + schema + ".rollup_unit where unit_code = '" + s.uc + "'),"
                    + " (select sum(turns) from " + schema + ".training_rollup where anchor_code = '" + s.t
                    + "' and split = 'LINE' and span = 'M'),"
                    + " (select sum(turns) from " + schema + ".training_rollup where anchor_code = '" + s.t
                    + "' and split = 'LINE' and span = 'Y'),"
                    + " (select sum(turns) from " + schema + ".training_rollup where anchor_code = '" + s.t
                    + "' and split = 'LINE' and span = 'Q')");
            r.next();
            assertEquals(List.of(0L, 0L, 0L, s.t, 5L, 5L, 5L), List.of(r.getLong(1), r.getLong(2), r.getLong(3),
                    r.getString(4), r.getLong(5), r.getLong(6), r.getLong(7)));
            assertEquals(distinctOfTurns(st, schema), distinctRollUp(st, schema));
            st.execute("set search_path to " + schema + ", public");
            assertSameRows(st, "select anchor_code, year, staff_category, leader, measure, value from annual_rollup"
                    + " where value <> 0", AnnualRollup.SUMMED);
            assertSameRows(st, "select anchor_code, year, category, kind, level, held, opened from stock_rollup"
                    + " where held <> 0 or opened <> 0", StockRollup.SUMMED);
            assertTrue(count(st, "select count(*) from stock_rollup where held <> 0") > 0);
            assertEquals(0, count(st, "select count(*) from stock_interval i where not exists (select 1 from"
                    + " rollup_unit m where m.unit_code = i.unit_code)"));
            assertSameRows(st, "select unit_code, year, category, held, opened from staff_rollup"
                    + " where held <> 0 or opened <> 0", StaffRollup.SUMMED);
            assertSameRows(st, "select anchor_code, month, category, kind, level, net from stock_change where net <> 0",
                    StockRollup.SUMMED_CHANGES + " having sum(c.net) <> 0");
            assertSameRows(st, "select unit_code, month, category, net from staff_change where net <> 0",
                    StaffRollup.SUMMED_CHANGES + " having sum(c.net) <> 0");
            // every person_year is placed where its person was on 31 December
            assertEquals(0, count(st, "select count(*) from person_year y left join person_version v"
                    + " on v.personnel_id = y.personnel_id and v.effective_from <= make_date(y.year, 12, 31)"
                    + " and (v.effective_to is null or v.effective_to > make_date(y.year, 12, 31))"
                    + " and v.status <> 'LEFT' where y.unit_code is distinct from v.unit_code"
                    + " or y.category is distinct from v.category"));
            assertTrue(count(st, "select count(*) from person_year where unit_code is not null") > 0);
            assertSameRows(st, "select unit_code, category, kind, level, people from gap_rollup where people <> 0",
                    GapRollup.SUMMED);
            for (CommitmentRollup.Counted counted : List.of(CommitmentRollup.COMMITMENTS, CommitmentRollup.REPAYMENTS)) {
                assertSameRows(st, "select unit_code, staff_category, status, items, amount_vnd from "
                        + counted.rollup() + " where items <> 0 or amount_vnd <> 0", counted.summed());
            }
            st.execute("reset search_path");
        }
    }

    /** The rows of a roll-up that are not zero ({@code stored}) are exactly those summed afresh, and there are some. */
    private static void assertSameRows(Statement st, String stored, String summed) throws SQLException {
        List<Long> differing = List.of(count(st, "select count(*) from (" + stored + " except all " + summed + ") a"),
                count(st, "select count(*) from (" + summed + " except all " + stored + ") b"));
        if (!differing.equals(List.of(0L, 0L))) {
            // the rows themselves (units, years, measures: no personal data), to tell what left them apart
            assertEquals(List.of(0L, 0L), differing, stored + "\nstored, not summed: "
                    + rows(st, stored + " except all " + summed) + "\nsummed, not stored: "
                    + rows(st, summed + " except all " + stored));
        }
        assertTrue(count(st, "select count(*) from (" + stored + ") c") > 0, stored);
    }

    private static List<String> rows(Statement st, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = st.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long count(Statement st, String query) throws SQLException {
        ResultSet r = st.executeQuery(query);
        r.next();
        return r.getLong(1);
    }

    /** The people and classes of every cell of distinct_rollup, as the deltas kept them. */
    private static Map<String, String> distinctRollUp(Statement st, String schema) throws SQLException {
        Map<String, String> cells = new java.util.TreeMap<>();
        ResultSet r = st.executeQuery("select anchor_code, span, period_start, staff_category, category, level,"
                + " people, classes from " + schema + ".distinct_rollup");
        while (r.next()) {
            cells.put(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                    + r.getString(5) + "/" + r.getString(6), java.util.Arrays.toString(
                    DistinctRollup.bitmap(r.getBytes(7)).toArray()) + " classes "
                    + java.util.Arrays.toString(DistinctRollup.bitmap(r.getBytes(8)).toArray()));
        }
        assertTrue(cells.size() > 0);
        return cells;
    }

    /** The same cells counted afresh from the training turns of the enrolments. */
    private static Map<String, String> distinctOfTurns(Statement st, String schema) throws SQLException {
        Map<String, String> cells = new java.util.TreeMap<>();
        ResultSet r = st.executeQuery("""
                select m.anchor_code, s.span, s.start, f.staff_category, f.category, f.level,
                    array_agg(distinct p.number order by p.number), array_agg(distinct k.number order by k.number)
                        filter (where k.number is not null)
                from %1$s.enrolment f join %1$s.rollup_unit m on m.unit_code = f.unit_code
                join %1$s.id_number p on p.id = f.personnel_id left join %1$s.id_number k on k.id = f.class_id
                cross join lateral (values ('M', date_trunc('month', f.start_date)::date),
                    ('Q', date_trunc('quarter', f.start_date)::date), ('Y', date_trunc('year', f.start_date)::date))
                    s(span, start)
                where f.start_date is not null and f.status in ('IN_PROGRESS', 'COMPLETED', 'FAILED', 'WITHDRAWN')
                group by 1, 2, 3, 4, 5, 6""".formatted(schema));
        while (r.next()) {
            Integer[] classes = r.getArray(8) == null ? new Integer[0] : (Integer[]) r.getArray(8).getArray();
            cells.put(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                    + r.getString(5) + "/" + r.getString(6), java.util.Arrays.toString((Integer[]) r.getArray(7)
                    .getArray()) + " classes " + java.util.Arrays.toString(classes));
        }
        return cells;
    }

    private static List<String> stockRows(JsonPath json) {
        return json.<Map<String, Object>>getList("rows").stream()
                .map(r -> r.get("kind") + "/" + r.get("level") + " at=" + r.get("at") + " compareTo="
                        + r.get("compareTo") + " change=" + r.get("change"))
                .toList();
    }

    @Test
    void qualificationStockCountsHighestLevelsOfActivePeopleWhereTheyWereOnTheDate() {
        Scenario s = scenario();
        assertEquals(List.of(
                "EDUCATION/BACHELOR at=1 compareTo=2 change=-1",
                "EDUCATION/DOCTORATE at=1 compareTo=1 change=0",
                "EDUCATION/MASTER at=1 compareTo=0 change=1",
                "POLITICAL_THEORY/INTERMEDIATE at=1 compareTo=1 change=0"),
                stockRows(ok("admin", "qualification-stock", "unit=" + s.a + "&at=2021-12-31&compareTo=2020-12-31")));
        // B: the doctor moved in on 1 March 2022, the advanced political theory holder left on 30 June 2022
        assertEquals(List.of("EDUCATION/DOCTORATE at=1 compareTo=0 change=1",
                        "POLITICAL_THEORY/ADVANCED at=0 compareTo=1 change=-1"),
                stockRows(ok("admin", "qualification-stock", "unit=" + s.b + "&at=2022-12-31&compareTo=2021-12-31")));
        assertEquals(List.of(
                "EDUCATION/BACHELOR at=1 compareTo=null change=null",
                "EDUCATION/DOCTORATE at=1 compareTo=null change=null",
                "EDUCATION/MASTER at=1 compareTo=null change=null",
                "POLITICAL_THEORY/ADVANCED at=1 compareTo=null change=null",
                "POLITICAL_THEORY/INTERMEDIATE at=1 compareTo=null change=null"),
                stockRows(ok("admin", "qualification-stock", "unit=" + s.root + "&at=2022-06-01")));
    }

    private static List<String> minimumRows(JsonPath json) {
        List<String> rows = new ArrayList<>(json.<Map<String, Object>>getList("rows").stream()
                .map(r -> r.get("unit") + " active=" + r.get("active") + " met=" + r.get("met") + " notMet="
                        + r.get("notMet") + " share=" + r.get("metShare"))
                .toList());
        Map<String, Object> t = json.getMap("total");
        rows.add("total active=" + t.get("active") + " met=" + t.get("met") + " notMet=" + t.get("notMet"));
        return rows;
    }

    /**
     * One definition of a turn everywhere, each turn in the unit where its person worked on the class's start date,
     * and a merged unit's turns reported under its successor unless the units are asked for as they were then.
     */
    @Test
    void turnsFollowOneDefinitionAndBelongWhereThePersonWorkedWhenTheClassStarted() {
        Scenario s = scenario();
        String y2025 = "&from=2025-01-01&to=2025-12-31";
        assertEquals(List.of(
                "POLITICAL_THEORY/INTERMEDIATE classes=1 turns=2 people=2 completed=1 failed=1 withdrawn=0 periods=70 cost=8000000",
                "PROFESSIONAL/MASTER classes=1 turns=1 people=1 completed=1 failed=0 withdrawn=0 periods=1200 cost=90000000",
                "STATE_MANAGEMENT/SPECIALIST classes=1 turns=2 people=2 completed=1 failed=0 withdrawn=1 periods=40 cost=10000000",
                "total classes=3 turns=5 people=3 completed=3 failed=1 withdrawn=1 periods=1310 cost=108000000"),
                summaryRows(ok("admin", "training-summary", "unit=" + s.n + y2025)));
        assertEquals(5, ok("admin", "training-summary/details", "unit=" + s.n + y2025).getInt("total"));
        // after the merge everything is in N.M; before it, the turns stay where they were
        assertEquals(List.of(2L, 2L), turnsAndPeople("unit=" + s.nm + "&from=2025-07-01&to=2025-12-31"));
        assertEquals(List.of(0L, 0L), turnsAndPeople("unit=" + s.na + "&from=2025-07-01&to=2025-12-31"));
        assertEquals(List.of(1L, 1L), turnsAndPeople("unit=" + s.na + "&from=2025-01-01&to=2025-06-30"));
        assertEquals(List.of(2L, 2L), turnsAndPeople("unit=" + s.nb + "&from=2025-01-01&to=2025-06-30"));
        // the successor over a period that spans the merge shows its predecessors' turns, unless asked not to
        assertEquals(List.of(5L, 3L), turnsAndPeople("unit=" + s.nm + y2025));
        assertEquals(List.of(2L, 2L), turnsAndPeople("unit=" + s.nm + y2025 + "&predecessors=false"));
        assertEquals(5, ok("admin", "training-summary/details", "unit=" + s.nm + y2025).getInt("total"));
        assertEquals(2, ok("admin", "training-summary/details", "unit=" + s.nm + y2025 + "&predecessors=false")
                .getInt("total"));
        // a transfer dated before the class, arriving after the enrolment, moves the turn
        assertEquals(List.of(1L, 1L), turnsAndPeople("unit=" + s.nb + "&from=2024-01-01&to=2024-12-31"));
        assertEquals(List.of(0L, 0L), turnsAndPeople("unit=" + s.na + "&from=2024-01-01&to=2024-12-31"));
        // what went ahead of the misfits: the attended turn and its cost only
        assertEquals(List.of("MISFIT POLITICAL_THEORY/INTERMEDIATE 2 0 0", "MISFIT STATE_MANAGEMENT/SPECIALIST 1 1 5000000"),
                ok("admin", "fit", "unit=" + s.n + y2025).<Map<String, Object>>getList("rows").stream()
                        .map(r -> r.get("fit") + " " + r.get("category") + "/" + r.get("level") + " "
                                + r.get("nominations") + " " + r.get("wentAhead") + " " + r.get("costVnd")).toList());
        // the master's 1,200 periods are degree training, not a year of retraining: only n1 (80 periods) met it
        assertEquals(List.of(s.nm + " active=3 met=1 notMet=2 share=0.333", "total active=3 met=1 notMet=2"),
                minimumRows(ok("admin", "yearly-minimum", "unit=" + s.n + "&year=2025")));
        assertEquals(List.of("Nguyễn Văn Một"), ok("admin", "yearly-minimum/details", "unit=" + s.n
                + "&year=2025&met=true").getList("items.fullName"));
    }

    /** The yearly minimum's rules are data: an administrator adds one that takes over from the latest. */
    @Test
    void anAdministratorAddsAYearlyMinimumRuleThatTakesOverFromTheLatest() {
        JsonPath rules = given().header("Authorization", Tokens.bearer("leader")).get("/api/yearly-minimum-rules")
                .then().statusCode(200).extract().jsonPath();
        LocalDate latest = rules.<String>getList("findAll { it.staffCategory == 'PUBLIC_EMPLOYEE' }.effectiveFrom")
                .stream().map(LocalDate::parse).max(LocalDate::compareTo).orElseThrow();
        LocalDate from = latest.isBefore(LocalDate.of(2090, 1, 1)) ? LocalDate.of(2090, 1, 1) : latest.plusDays(1);
        Map<String, Object> rule = Map.of("staffCategory", "PUBLIC_EMPLOYEE", "minimumPeriods", 60,
                "effectiveFrom", from.toString(), "legalBasis", "Nghị định thử nghiệm");
        given().header("Authorization", Tokens.bearer("province-manager")).contentType("application/json").body(rule)
                .post("/api/yearly-minimum-rules").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body(Map.of("staffCategory", "NOBODY", "minimumPeriods", 0)).post("/api/yearly-minimum-rules")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(rule)
                .post("/api/yearly-minimum-rules").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(rule)
                .post("/api/yearly-minimum-rules").then().statusCode(409)
                .contentType("application/problem+json");
        JsonPath after = given().header("Authorization", Tokens.bearer("admin")).get("/api/yearly-minimum-rules")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(from.toString(), after.getString("find { it.staffCategory == 'PUBLIC_EMPLOYEE' && it.effectiveFrom"
                + " == '" + latest + "' }.effectiveTo"));
        assertEquals(60, after.getInt("find { it.staffCategory == 'PUBLIC_EMPLOYEE' && it.effectiveFrom == '" + from
                + "' }.minimumPeriods"));
        JsonPath report = ok("admin", "yearly-minimum", "year=" + from.getYear() + "&staffCategory=PUBLIC_EMPLOYEE");
        assertEquals(60, report.getInt("minimumPeriods"));
    }

    private static List<Long> turnsAndPeople(String query) {
        JsonPath json = ok("admin", "training-summary", query);
        return List.of(json.getLong("total.turns"), json.getLong("total.people"));
    }

    @Test
    void yearlyMinimumSharesPerUnitOfTheStaffActiveAtTheEndOfTheYear() {
        Scenario s = scenario();
        assertEquals(List.of(s.a + " active=3 met=2 notMet=1 share=0.667", s.b + " active=1 met=0 notMet=1 share=0.0",
                        "total active=4 met=2 notMet=2"),
                minimumRows(ok("admin", "yearly-minimum", "unit=" + s.root + "&year=2021")));
        assertEquals(List.of(s.a + " active=2 met=0 notMet=2 share=0.0", s.b + " active=1 met=1 notMet=0 share=1.0",
                        s.c + " active=1 met=0 notMet=1 share=0.0", "total active=4 met=1 notMet=3"),
                minimumRows(ok("admin", "yearly-minimum", "unit=" + s.root + "&year=2022")));
    }

    @Test
    void annualReportHasTheMinistryLayout() {
        Scenario s = scenario();
        JsonPath json = ok("admin", "annual", "unit=" + s.root + "&year=2021");
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : json.<Map<String, Object>>getList("rows")) {
            rows.add(annualLine(r));
        }
        rows.add(annualLine(json.getMap("total")));
        assertEquals(List.of(
                "CADRE/true DIGITAL_SKILLS=1 total=1 women=0 minority=0 {STATE_BUDGET=0, UNIT=0, SELF=2000000, SPONSOR=0}",
                "CADRE/false total=0 women=0 minority=0 {STATE_BUDGET=0, UNIT=0, SELF=0, SPONSOR=0}",
                "CIVIL_SERVANT/true PT_INTERMEDIATE=1 SM_PRINCIPAL=1 total=2 women=2 minority=0 {STATE_BUDGET=10000000, UNIT=5000000, SELF=0, SPONSOR=0}",
                "CIVIL_SERVANT/false PT_INTERMEDIATE=1 total=1 women=0 minority=1 {STATE_BUDGET=10000000, UNIT=0, SELF=0, SPONSOR=0}",
                "PUBLIC_EMPLOYEE/true total=0 women=0 minority=0 {STATE_BUDGET=0, UNIT=0, SELF=0, SPONSOR=0}",
                "PUBLIC_EMPLOYEE/false PT_INTERMEDIATE=1 total=1 women=1 minority=1 {STATE_BUDGET=10000000, UNIT=0, SELF=0, SPONSOR=0}",
                "null/null PT_INTERMEDIATE=3 SM_PRINCIPAL=1 DIGITAL_SKILLS=1 total=5 women=3 minority=2 {STATE_BUDGET=30000000, UNIT=5000000, SELF=2000000, SPONSOR=0}"),
                rows);
        JsonPath y2022 = ok("admin", "annual", "unit=" + s.root + "&year=2022");
        // columns are keys and headings; the SQL that selects their turns stays inside
        assertEquals(List.of("heading", "key"), new java.util.TreeSet<>(y2022.<Map<String, Object>>getList("columns")
                .get(0).keySet()).stream().toList());
        assertEquals(1, y2022.getInt("total.columns.OVERSEAS"));
        assertEquals(1, y2022.getInt("total.columns.FOREIGN_LANGUAGE"));
        assertEquals(1, y2022.getInt("total.columns.KNOWLEDGE_UPDATE"));
        assertEquals(50_000_000, y2022.getLong("total.spendingVnd.SPONSOR"));
    }

    @SuppressWarnings("unchecked")
    private static String annualLine(Map<String, Object> r) {
        StringBuilder line = new StringBuilder(r.get("staffCategory") + "/" + r.get("leader"));
        ((Map<String, Object>) r.get("columns")).forEach((k, v) -> {
            if (((Number) v).longValue() != 0) {
                line.append(' ').append(k).append('=').append(v);
            }
        });
        return line + " total=" + r.get("total") + " women=" + r.get("women") + " minority=" + r.get("ethnicMinority")
                + " " + r.get("spendingVnd");
    }

    @Test
    void everyFigureDrillsDownToThePeopleOrEnrolmentsBehindIt() {
        Scenario s = scenario();
        JsonPath turns = ok("admin", "training-summary/details", "unit=" + s.root
                + "&from=2021-01-01&to=2021-12-31&category=POLITICAL_THEORY&level=INTERMEDIATE");
        assertEquals(3, turns.getInt("total"));
        assertEquals(List.of("Danh Văn Sơn", "Nguyễn Thị Hồng", "Thạch Thị Lan"),
                turns.getList("items.fullName", String.class).stream().sorted().toList());
        JsonPath doctors = ok("admin", "qualification-stock/details", "unit=" + s.root
                + "&at=2022-12-31&kind=EDUCATION&level=DOCTORATE");
        assertEquals(List.of("Thạch Thị Lan"), doctors.getList("items.fullName"));
        assertEquals(List.of(s.b), doctors.getList("items.unitCode"));
        JsonPath notMet = ok("admin", "yearly-minimum/details", "unit=" + s.root + "&year=2021&met=false");
        assertEquals(List.of("Thạch Thị Lan", "Trần Văn Bốn"),
                notMet.getList("items.fullName", String.class).stream().sorted().toList());
        JsonPath annual = ok("admin", "annual/details", "unit=" + s.root
                + "&year=2021&staffCategory=CIVIL_SERVANT&leader=true&cell=SM_PRINCIPAL");
        assertEquals(List.of("Nguyễn Thị Hồng"), annual.getList("items.fullName"));
    }

    @Test
    void anOfficerSeesOnlyTheirSubtree() {
        Scenario s = scenario();
        assertEquals(5, ok("unit-officer", "training-summary", "unit=" + s.root + "&from=2021-01-01&to=2021-12-31")
                .getInt("total.turns"));
        assertEquals(404, report("unit-officer", "training-summary", "unit=" + s.other
                + "&from=2021-01-01&to=2021-12-31").statusCode());
        assertEquals(404, report("unit-officer", "qualification-stock", "unit=" + s.other).statusCode());
        assertEquals(404, report("unit-officer", "training-summary/details", "unit=" + s.other
                + "&from=2021-01-01&to=2021-12-31").statusCode());
        assertEquals(200, report("unit-officer-2", "training-summary", "unit=" + s.other
                + "&from=2021-01-01&to=2021-12-31").statusCode());
        assertEquals(403, report("staff", "training-summary", "unit=" + s.root).statusCode());
    }

    @Test
    void theExcelFilesOpenAndHoldTheNumbersOfTheJson() throws IOException {
        Scenario s = scenario();
        String summaryQuery = "unit=" + s.root + "&from=2021-01-01&to=2021-12-31";
        JsonPath summary = ok("admin", "training-summary", summaryQuery);
        try (Workbook book = excel("training-summary", summaryQuery, true)) {
            Row total = rowStartingWith(book.getSheetAt(0), "Tổng cộng");
            assertEquals(summary.getInt("total.classes"), (int) total.getCell(2).getNumericCellValue());
            assertEquals(summary.getInt("total.turns"), (int) total.getCell(3).getNumericCellValue());
            assertEquals(summary.getInt("total.people"), (int) total.getCell(4).getNumericCellValue());
            assertEquals(summary.getLong("total.costVnd"), (long) total.getCell(10).getNumericCellValue());
            assertTrue(total.getCell(10).getCellStyle().getDataFormatString().contains("#,##0"));
            assertEquals("Lượt cán bộ", rowStartingWith(book.getSheetAt(0), "Loại chương trình").getCell(3)
                    .getStringCellValue());
        }
        String stockQuery = "unit=" + s.a + "&at=2021-12-31&compareTo=2020-12-31";
        JsonPath stock = ok("admin", "qualification-stock", stockQuery);
        try (Workbook book = excel("qualification-stock", stockQuery, false)) {
            Row master = rowStartingWith(book.getSheetAt(0), "Trình độ chuyên môn", "Thạc sĩ");
            assertEquals(stock.getInt("rows.find { it.level == 'MASTER' }.at"),
                    (int) master.getCell(2).getNumericCellValue());
            assertEquals(stock.getInt("rows.find { it.level == 'MASTER' }.change"),
                    (int) master.getCell(4).getNumericCellValue());
            assertEquals("Số người tại 31/12/2021",
                    rowStartingWith(book.getSheetAt(0), "Loại trình độ").getCell(2).getStringCellValue());
        }
        String minimumQuery = "unit=" + s.root + "&year=2021";
        JsonPath minimum = ok("admin", "yearly-minimum", minimumQuery);
        try (Workbook book = excel("yearly-minimum", minimumQuery, true)) {
            Row total = rowStartingWith(book.getSheetAt(0), "Tổng cộng");
            assertEquals(minimum.getInt("total.active"), (int) total.getCell(1).getNumericCellValue());
            assertEquals(minimum.getInt("total.met"), (int) total.getCell(2).getNumericCellValue());
            assertEquals(minimum.getDouble("total.metShare"), total.getCell(4).getNumericCellValue(), 1e-9);
        }
        JsonPath annual = ok("admin", "annual", minimumQuery);
        try (Workbook book = excel("annual", minimumQuery, false)) {
            // the form's STT column comes first: every figure one column to the right
            Row total = rowWith(book.getSheetAt(0), 1, "Tổng cộng");
            int columns = annual.getList("columns").size();
            assertEquals(annual.getInt("total.columns.PT_INTERMEDIATE"), (int) total.getCell(3).getNumericCellValue());
            assertEquals(annual.getInt("total.total"), (int) total.getCell(columns + 2).getNumericCellValue());
            assertEquals(annual.getInt("total.women"), (int) total.getCell(columns + 3).getNumericCellValue());
            assertEquals(annual.getLong("total.totalSpendingVnd"),
                    (long) total.getCell(columns + 9).getNumericCellValue());
        }
    }

    @Test
    void theAnnualExcelFileIsTheMinistrysFormAndEveryFilePrintsOnLandscapeA4() throws IOException {
        Scenario s = scenario();
        String query = "unit=" + s.root + "&year=2021";
        JsonPath annual = ok("admin", "annual", query);
        int figures = annual.getList("columns").size() + 3 + 5; // turns, women, minority; four sources and total
        try (Workbook book = excel("annual", query, false)) {
            Sheet sheet = book.getSheetAt(0);
            int last = figures + 1;
            // the frame: form number and issuing body on the left, the national motto on the right
            assertEquals("Biểu số 01/ĐTBD", text(sheet, 0, 0));
            Row motto = sheet.getRow(0);
            int right = java.util.stream.IntStream.rangeClosed(0, last).filter(c -> motto.getCell(c) != null
                    && "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".equals(motto.getCell(c).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertEquals("Độc lập - Tự do - Hạnh phúc", text(sheet, 1, right));
            assertTrue(merged(sheet, 0, right, last), "the motto spans the right half");
            assertEquals("Ban hành theo hướng dẫn của Bộ Nội vụ", text(sheet, 1, 0));
            assertEquals("Đơn vị báo cáo: " + annual.getString("unitName"), text(sheet, 2, 0));
            Row title = rowWith(sheet, 0, "BÁO CÁO KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2021");
            assertTrue(merged(sheet, title.getRowNum(), 0, last));
            assertEquals("Kính gửi: Bộ Nội vụ", text(sheet, title.getRowNum() + 1, 0));

            // two heading rows: STT and "Đối tượng" span both, groups are merged over their columns
            Row top = rowWith(sheet, 0, "STT");
            int h = top.getRowNum();
            assertEquals("Đối tượng", text(sheet, h, 1));
            assertTrue(merged(sheet, h, 0, 0, h + 1), "STT spans both heading rows");
            assertEquals("Lý luận chính trị", text(sheet, h, 2));
            assertTrue(merged(sheet, h, 2, 4), "the political theory group spans its three levels");
            assertEquals(List.of("Cao cấp, cử nhân", "Trung cấp", "Sơ cấp"),
                    List.of(text(sheet, h + 1, 2), text(sheet, h + 1, 3), text(sheet, h + 1, 4)));
            int doctorate = 2 + annual.getList("columns.key").indexOf("DOCTORATE");
            assertEquals("Đào tạo", text(sheet, h, doctorate));
            assertEquals("Tiến sĩ", text(sheet, h + 1, doctorate));
            assertEquals("Tổng số lượt người", text(sheet, h, last - 7));
            assertEquals("Kinh phí (đồng)", text(sheet, h, last - 4));
            // the row of column numbers, then the lines numbered 1…6 and the total in bold without a number
            assertEquals(List.of("A", "B", "1", "2"), List.of(text(sheet, h + 2, 0), text(sheet, h + 2, 1),
                    text(sheet, h + 2, 2), text(sheet, h + 2, 3)));
            assertEquals(String.valueOf(figures), text(sheet, h + 2, last));
            assertEquals(1, (int) sheet.getRow(h + 3).getCell(0).getNumericCellValue());
            assertEquals("Cán bộ - lãnh đạo, quản lý", text(sheet, h + 3, 1));
            assertEquals(6, (int) sheet.getRow(h + 8).getCell(0).getNumericCellValue());
            Row total = rowWith(sheet, 1, "Tổng cộng");
            assertEquals(h + 9, total.getRowNum());
            assertTrue(book.getFontAt(total.getCell(3).getCellStyle().getFontIndex()).getBold());
            // the place and date, the two signature blocks
            java.time.LocalDate today = ProvinceTime.today();
            Row signatures = rowWith(sheet, 0, "NGƯỜI LẬP BIỂU");
            assertEquals(String.format("Hậu Giang, ngày %02d tháng %02d năm %d", today.getDayOfMonth(),
                    today.getMonthValue(), today.getYear()), text(sheet, signatures.getRowNum() - 1, right));
            assertEquals("THỦ TRƯỞNG ĐƠN VỊ", text(sheet, signatures.getRowNum(), right));
            assertEquals("(Ký, ghi rõ họ tên)", text(sheet, signatures.getRowNum() + 1, 0));
            // landscape A4, one page wide, the heading rows (with the column numbers) on every page
            assertPrintsOnLandscapeA4(sheet, h, h + 2);
        }
        // every other report's file prints the same way, its heading row repeated
        try (Workbook book = excel("training-summary", "unit=" + s.root + "&from=2021-01-01&to=2021-12-31", true)) {
            Sheet sheet = book.getSheetAt(0);
            int heading = rowStartingWith(sheet, "Loại chương trình").getRowNum();
            assertPrintsOnLandscapeA4(sheet, heading, heading);
        }
    }

    @Test
    void excelFilesNameUnitsLevelsAndTitlesInVietnameseNotByTheirCodes() throws IOException {
        Scenario s = scenario();
        try (Workbook book = excel("training-summary", "unit=" + s.root + "&from=2021-01-01&to=2021-12-31", false)) {
            rowStartingWith(book.getSheetAt(0), "Kỹ năng số, công nghệ thông tin", "Cơ bản");
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        assertTrue(!cell.getStringCellValue().matches("[A-Z][A-Z0-9_]+"), cell.getStringCellValue());
                    }
                }
            }
        }
        JsonPath review = ok("admin", "succession-review", "unit=" + s.root);
        try (Workbook book = excel("succession-review", "unit=" + s.root, false)) {
            Row lan = rowStartingWith(book.getSheetAt(0), "Thạch Thị Lan");
            assertEquals(review.getString("plannedToReview[0].unitName"), lan.getCell(1).getStringCellValue());
            assertTrue(!lan.getCell(1).getStringCellValue().equals(review.getString("plannedToReview[0].unitCode")));
        }
    }

    private static void assertPrintsOnLandscapeA4(Sheet sheet, int firstHeadingRow, int lastHeadingRow) {
        org.apache.poi.ss.usermodel.PrintSetup print = sheet.getPrintSetup();
        assertTrue(print.getLandscape());
        assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, print.getPaperSize());
        assertTrue(sheet.getFitToPage());
        assertEquals(1, print.getFitWidth());
        assertEquals(0, print.getFitHeight());
        org.apache.poi.ss.util.CellRangeAddress repeated = sheet.getRepeatingRows();
        assertEquals(firstHeadingRow, repeated.getFirstRow());
        assertEquals(lastHeadingRow, repeated.getLastRow());
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null ? null : cell.getStringCellValue();
    }

    /** Whether a merged region covers exactly row {@code row}, columns {@code from}..{@code to}. */
    private static boolean merged(Sheet sheet, int row, int from, int to) {
        return merged(sheet, row, from, to, row);
    }

    private static boolean merged(Sheet sheet, int row, int from, int to, int lastRow) {
        return sheet.getMergedRegions().stream().anyMatch(m -> m.getFirstRow() == row && m.getLastRow() == lastRow
                && m.getFirstColumn() == from && m.getLastColumn() == to);
    }

    /** The first row whose cell {@code column} holds {@code text}. */
    private static Row rowWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && text.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " in column " + column);
    }

    @Test
    void fitReportCountsWarnAndMisfitNominationsThatWentAheadAndTheirCost() {
        Scenario s = scenario();
        JsonPath json = ok("admin", "fit", "unit=" + s.root + "&from=2021-01-01&to=2021-12-31");
        assertEquals(List.of("WARN STATE_MANAGEMENT/PRINCIPAL_SPECIALIST 1 0 0",
                        "MISFIT STATE_MANAGEMENT/PRINCIPAL_SPECIALIST 1 1 5000000"),
                json.<Map<String, Object>>getList("rows").stream().map(r -> r.get("fit") + " " + r.get("category")
                        + "/" + r.get("level") + " " + r.get("nominations") + " " + r.get("wentAhead") + " "
                        + r.get("costVnd")).toList());
        assertEquals(5_000_000, json.getLong("total.costVnd"));
        assertEquals(List.of("Nguyễn Thị Hồng"), ok("admin", "fit/details", "unit=" + s.root
                + "&from=2021-01-01&to=2021-12-31&fit=MISFIT").getList("items.fullName"));
    }

    @Test
    void successionReviewListsPlannedPeopleWhoFailedAndExcellentPeopleNotPlanned() {
        Scenario s = scenario();
        JsonPath json = ok("admin", "succession-review", "unit=" + s.root);
        assertEquals(List.of("Thạch Thị Lan failed=1 withdrawn=0 PHO_GIAM_DOC"),
                json.<Map<String, Object>>getList("plannedToReview").stream().map(r -> r.get("fullName")
                        + " failed=" + r.get("failed") + " withdrawn=" + r.get("withdrawn") + " "
                        + r.get("plannedTitles")).toList());
        assertEquals(List.of("Danh Văn Sơn"), json.getList("excellentNotPlanned.fullName"));
        assertEquals(List.of(1, 1), List.of(json.getInt("plannedToReviewTotal"), json.getInt("excellentNotPlannedTotal")));
        // the lists come in pages; the totals count everyone
        JsonPath secondPage = ok("admin", "succession-review", "unit=" + s.root + "&page=1&size=1");
        assertEquals(List.of(), secondPage.getList("plannedToReview"));
        assertEquals(List.of(), secondPage.getList("excellentNotPlanned"));
        assertEquals(1, secondPage.getInt("excellentNotPlannedTotal"));
        assertEquals(400, report("admin", "succession-review", "unit=" + s.root + "&size=0").statusCode());
        // staff category: the planned person who failed is a public employee, the excellent one a civil servant
        JsonPath civilServants = ok("admin", "succession-review", "unit=" + s.root + "&staffCategory=CIVIL_SERVANT");
        assertEquals(List.of(), civilServants.getList("plannedToReview"));
        assertEquals(List.of("Danh Văn Sơn"), civilServants.getList("excellentNotPlanned.fullName"));
    }

    @Test
    void successionReviewListsPlannedPeopleWhoStillLackTheLevelsOfTheirPlannedTitle() {
        Scenario s = scenario();
        JsonPath json = ok("admin", "succession-review", "unit=" + s.q);
        assertEquals(List.of("Đỗ Văn Tám failed=0 withdrawn=0 TRUONG_PHONG lacks [TRUONG_PHONG POLITICAL_THEORY/ADVANCED,"
                        + " TRUONG_PHONG STATE_MANAGEMENT/PRINCIPAL_SPECIALIST]"),
                json.<Map<String, Object>>getList("plannedToReview").stream().map(r -> r.get("fullName")
                        + " failed=" + r.get("failed") + " withdrawn=" + r.get("withdrawn") + " "
                        + r.get("plannedTitles") + " lacks " + ((List<?>) r.get("missingLevels")).stream()
                        .map(g -> (Map<?, ?>) g).map(g -> g.get("titleCode") + " " + g.get("kind") + "/"
                                + g.get("level")).toList()).toList());
        assertEquals(List.of("POLITICAL_THEORY/ADVANCED people=1", "STATE_MANAGEMENT/PRINCIPAL_SPECIALIST people=1"),
                json.<Map<String, Object>>getList("lackingLevels").stream().map(r -> r.get("kind") + "/"
                        + r.get("level") + " people=" + r.get("people")).toList());
        JsonPath details = ok("admin", "succession-review/details", "unit=" + s.q
                + "&kind=POLITICAL_THEORY&level=ADVANCED");
        assertEquals(1, details.getInt("total"));
        assertEquals(List.of("Đỗ Văn Tám"), details.getList("items.fullName"));
        assertEquals(List.of(s.x), details.getList("items.unitCode"));
        assertEquals(List.of(), ok("admin", "succession-review", "unit=" + s.q + "&staffCategory=PUBLIC_EMPLOYEE")
                .getList("plannedToReview"));
        assertEquals(0, ok("admin", "succession-review/details", "unit=" + s.q + "&staffCategory=PUBLIC_EMPLOYEE")
                .getInt("total"));
    }

    @Test
    void backDatedQualificationsAndRatingsDoNotMoveAPersonInTime() {
        Scenario s = scenario();
        String level = Scenario.LONG_LEVEL;
        // p7 was in X until 1 March 2022; a master's of 2005 recorded later and a 2021 rating change nothing there
        assertEquals(List.of("EDUCATION/MASTER at=1 compareTo=null change=null",
                        "FOREIGN_LANGUAGE/" + level + " at=1 compareTo=null change=null"),
                stockRows(ok("admin", "qualification-stock", "unit=" + s.x + "&at=2021-12-31")));
        assertEquals(List.of(), stockRows(ok("admin", "qualification-stock", "unit=" + s.y + "&at=2021-12-31")));
        assertEquals(List.of(), stockRows(ok("admin", "qualification-stock", "unit=" + s.q + "&at=2007-01-01")));
        assertEquals(List.of("EDUCATION/MASTER at=1 compareTo=0 change=1",
                        "FOREIGN_LANGUAGE/" + level + " at=1 compareTo=0 change=1"),
                stockRows(ok("admin", "qualification-stock", "unit=" + s.y + "&at=2022-06-30&compareTo=2021-12-31")));
        assertEquals(List.of("Phạm Thị Bảy"), ok("admin", "qualification-stock/details", "unit=" + s.q
                + "&at=2021-12-31&kind=FOREIGN_LANGUAGE&level=" + level).getList("items.fullName"));
        assertEquals(List.of(s.x + " active=2 met=0 notMet=2 share=0.0", s.y + " active=1 met=0 notMet=1 share=0.0",
                        "total active=3 met=0 notMet=3"),
                minimumRows(ok("admin", "yearly-minimum", "unit=" + s.q + "&year=2021")));
        assertEquals(List.of(s.x + " active=1 met=0 notMet=1 share=0.0", s.y + " active=2 met=0 notMet=2 share=0.0",
                        "total active=3 met=0 notMet=3"),
                minimumRows(ok("admin", "yearly-minimum", "unit=" + s.q + "&year=2022")));
    }

    @Test
    void planVersusActualComparesPlannedClassesAndLearnersWithWhatHappened() {
        Scenario s = scenario();
        // the OPEN class of November 2021 never ran: no actual class for DIGITAL_SKILLS
        List<String> expected = List.of(
                "DIGITAL_SKILLS/BASIC 1 0 30 1",
                "POLITICAL_THEORY/INTERMEDIATE 2 1 60 3",
                "STATE_MANAGEMENT/PRINCIPAL_SPECIALIST 0 1 0 1",
                "null/null 3 2 90 5");
        // the course topic has no marker of its own: wait for its plan and classes
        List<String> rows = Poll.until(Duration.ofSeconds(30), () -> planRows(s, ""), expected::equals);
        assertEquals(expected, rows);
        // civil servants: plans are not split by staff category, the actual figures are
        assertEquals(List.of(
                "DIGITAL_SKILLS/BASIC 1 0 30 0",
                "POLITICAL_THEORY/INTERMEDIATE 2 1 60 2",
                "STATE_MANAGEMENT/PRINCIPAL_SPECIALIST 0 1 0 1",
                "null/null 3 2 90 3"), planRows(s, "&staffCategory=CIVIL_SERVANT"));
    }

    private static List<String> planRows(Scenario s, String filter) {
        JsonPath json = ok("admin", "plan-vs-actual", "unit=" + s.root + "&year=2021" + filter);
        List<Map<String, Object>> all = new ArrayList<>(json.getList("rows"));
        all.add(json.getMap("total"));
        return all.stream().map(r -> r.get("category") + "/" + r.get("level") + " " + r.get("plannedClasses")
                + " " + r.get("actualClasses") + " " + r.get("targetLearners") + " " + r.get("actualTurns")).toList();
    }

    private static List<String> commitmentRows(JsonPath json) {
        List<Map<String, Object>> all = new ArrayList<>(json.getList("rows"));
        all.add(json.getMap("total"));
        return all.stream().map(r -> r.get("unitName") + " open=" + r.get("open") + " fulfilled="
                + r.get("fulfilled") + " breached=" + r.get("breached") + " released=" + r.get("released")
                + " openCost=" + r.get("openCostVnd") + " cases=" + r.get("repaymentCases") + " decided="
                + r.get("decidedVnd") + " recovered=" + r.get("recoveredVnd")).toList();
    }

    @Test
    void commitmentsReportCountsOpenAndBreachedCommitmentsAndRepayments() {
        Scenario s = scenario();
        // A: p2 serves until 2030 (open), p1's 2021-2022 commitment ran out (fulfilled), p1's second was released.
        // B: p3 breached (two repayments) and failed a course (repayment without commitment); px, unknown to
        // reporting, counts in the unit of their enrolment. C: p5 fulfilled.
        JsonPath json = ok("admin", "commitments", "unit=" + s.root);
        assertEquals(List.of(
                "Phòng A open=1 fulfilled=1 breached=0 released=1 openCost=7000000 cases=0 decided=0 recovered=0",
                "Phòng B open=1 fulfilled=0 breached=1 released=0 openCost=3000000 cases=3 decided=35000000 recovered=5000000",
                "Phòng C open=0 fulfilled=1 breached=0 released=0 openCost=0 cases=0 decided=0 recovered=0",
                "Tổng cộng open=2 fulfilled=2 breached=1 released=1 openCost=10000000 cases=3 decided=35000000 recovered=5000000"),
                commitmentRows(json));
        assertEquals(List.of(
                "Phòng B open=0 fulfilled=0 breached=1 released=0 openCost=0 cases=3 decided=35000000 recovered=5000000",
                "Tổng cộng open=0 fulfilled=0 breached=1 released=0 openCost=0 cases=3 decided=35000000 recovered=5000000"),
                commitmentRows(ok("admin", "commitments", "unit=" + s.root + "&staffCategory=PUBLIC_EMPLOYEE")));
        for (String report : List.of("fit?unit=" + s.root, "succession-review?unit=" + s.root,
                "plan-vs-actual?unit=" + s.root + "&year=2021", "commitments?unit=" + s.root)) {
            String[] parts = report.split("\\?");
            Response xlsx = given().header("Authorization", Tokens.bearer("admin")).accept(XLSX)
                    .get("/api/reports/" + parts[0] + "?" + parts[1]);
            assertEquals(200, xlsx.statusCode(), report);
            assertEquals(XLSX, xlsx.contentType());
        }
        try (Workbook book = excel("commitments", "unit=" + s.root, true)) {
            Row total = rowStartingWith(book.getSheetAt(0), "Tổng cộng");
            assertEquals(json.getLong("total.open"), (long) total.getCell(1).getNumericCellValue());
            assertEquals(json.getLong("total.released"), (long) total.getCell(4).getNumericCellValue());
            assertEquals(json.getLong("total.decidedVnd"), (long) total.getCell(7).getNumericCellValue());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Workbook excel(String report, String query, boolean byAccept) throws IOException {
        Response response = given().header("Authorization", Tokens.bearer("admin"))
                .accept(byAccept ? XLSX : "*/*")
                .get("/api/reports/" + report + "?" + query + (byAccept ? "" : "&format=xlsx"));
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(XLSX, response.contentType());
        return new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()));
    }

    private static Row rowStartingWith(Sheet sheet, String... cells) {
        for (Row row : sheet) {
            boolean matches = true;
            for (int i = 0; i < cells.length; i++) {
                Cell cell = row.getCell(i);
                matches &= cell != null && cell.getCellType() == CellType.STRING
                        && cells[i].equals(cell.getStringCellValue());
            }
            if (matches) {
                return row;
            }
        }
        throw new AssertionError("no row " + String.join(", ", cells));
    }

    static List<String> snapshot() {
        Scenario s = scenario;
        List<String> all = new ArrayList<>();
        for (String query : List.of("training-summary?unit=" + s.root + "&from=2021-01-01&to=2022-12-31",
                "training-summary?unit=" + s.other + "&from=2021-01-01&to=2021-12-31",
                "qualification-stock?unit=" + s.root + "&at=2022-06-01&compareTo=2020-01-01",
                "yearly-minimum?unit=" + s.root + "&year=2021", "yearly-minimum?unit=" + s.root + "&year=2022",
                "annual?unit=" + s.root + "&year=2021", "annual?unit=" + s.root + "&year=2022",
                "fit?unit=" + s.root + "&from=2021-01-01&to=2021-12-31", "succession-review?unit=" + s.root,
                "commitments?unit=" + s.root, "training-summary?unit=" + s.t + "&from=2021-01-01&to=2022-12-31",
                "training-summary?unit=" + s.t + "&from=2021-01-01&to=2021-12-31",
                "training-summary?unit=" + s.t + "&from=2022-01-01&to=2022-12-31&staffCategory=CIVIL_SERVANT",
                "training-summary?from=2021-01-01&to=2022-12-31")) {
            String[] parts = query.split("\\?");
            all.add(ok("admin", parts[0], parts[1]).prettify());
        }
        return all;
    }

    @Test
    void theSameEventsDeliveredTwiceChangeNothing() {
        scenario();
        List<String> before = snapshot();
        sendAndWait();
        assertEquals(before, snapshot());
    }

    @Test
    void aRebuildGivesIdenticalFiguresAndLiveEventsFollowIt() throws SQLException {
        scenario();
        List<String> before = snapshot();
        // a build left BUILDING by an instance that crashed: it blocks while its heartbeat is fresh, not after
        int crashed;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet r = st.executeQuery("select coalesce(max(id), 0) + 1 from public.report_generation");
            r.next();
            crashed = r.getInt(1);
            st.execute("create schema rpt_g" + crashed);
            st.execute("insert into public.report_generation (id, schema_name, status, owner, heartbeat_at) values ("
                    + crashed + ", 'rpt_g" + crashed + "', 'BUILDING', 'pid-1-crashed', now())");
        }
        Response blocked = given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild");
        assertEquals(409, blocked.statusCode(), blocked.asString());
        assertEquals("rebuild-running", blocked.jsonPath().getString("code"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("update public.report_generation set heartbeat_at = now() - interval '1 hour' where id = "
                    + crashed);
        }
        Response started = given().header("Authorization", Tokens.bearer("admin")).post("/api/admin/rebuild");
        assertEquals(202, started.statusCode(), started.asString());
        int id = started.jsonPath().getInt("id");
        JsonPath abandoned = given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/admin/rebuild/" + crashed).jsonPath();
        assertEquals("FAILED", abandoned.getString("status"));
        assertTrue(abandoned.getString("error").startsWith("abandoned"), abandoned.prettify());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet r = st.executeQuery("select count(*) from information_schema.schemata where schema_name = 'rpt_g"
                    + crashed + "'");
            r.next();
            assertEquals(0, r.getInt(1));
        }
        assertEquals(403, given().header("Authorization", Tokens.bearer("province-manager"))
                .get("/api/admin/rebuild/" + id).statusCode());
        // a map, so that a rebuild still running at the deadline says how far it read
        Map<String, Object> done = Poll.until(Duration.ofSeconds(300), () -> given()
                        .header("Authorization", Tokens.bearer("admin")).get("/api/admin/rebuild/" + id).jsonPath()
                        .<String, Object>getMap("$"),
                json -> !"BUILDING".equals(json.get("status")));
        assertEquals("ACTIVE", done.get("status"), done.toString());
        assertTrue(((Number) done.get("eventsRead")).longValue() >= ((Number) done.get("eventsTotal")).longValue(),
                done.toString());
        assertEquals(before, snapshot());
        // the live consumers now write into the new generation
        sendAndWait();
        assertEquals(before, snapshot());
    }
}
