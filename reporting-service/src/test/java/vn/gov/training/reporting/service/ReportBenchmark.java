package vn.gov.training.reporting.service;

import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.UnitHierarchy;
import vn.gov.training.platform.security.UnitScope;
import vn.gov.training.platform.testing.Infrastructure;
import vn.gov.training.reporting.projection.EnrolmentProjector;
import vn.gov.training.reporting.projection.GapRollup;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.projection.AnnualRollup;
import vn.gov.training.reporting.projection.CommitmentRollup;
import vn.gov.training.reporting.projection.DistinctRollup;
import vn.gov.training.reporting.projection.TrainingFacts;
import vn.gov.training.reporting.projection.StaffRollup;
import vn.gov.training.reporting.projection.StockRollup;
import vn.gov.training.reporting.projection.TrainingRollup;

/**
 * Not a test: generates a national-scale read model straight into PostgreSQL (server-side bulk inserts from
 * generate_series, the same tables the projection keeps) and times the reports' queries through the report classes
 * themselves, printing p50/p95 per report and scope. Run with {@code reporting-service/bench/run.sh [people] [turns]
 * [runs] [facts]} (see the README), which is {@code ./mvnw -pl reporting-service -Pbenchmark test-compile exec:java
 * -Dexec.args="people turns runs [facts]"}. With {@code facts} it then times the province and the whole data set
 * again without the roll-ups by anchor, as the facts alone answer them.
 */
public final class ReportBenchmark {

    private static final String UNIT = """
            'P' || lpad((u / 100 + 1)::text, 2, '0') || '.D' || lpad(((u / 10) % 10 + 1)::text, 2, '0') || '.C'
                || lpad((u % 10 + 1)::text, 2, '0')""";

    /** Programme categories with their levels, as (n, category, levels) rows. */
    private static final String CATEGORIES = """
            (0, 'POLITICAL_THEORY', array['ELEMENTARY', 'INTERMEDIATE', 'ADVANCED']),
            (1, 'STATE_MANAGEMENT', array['SPECIALIST', 'PRINCIPAL_SPECIALIST', 'SENIOR_SPECIALIST']),
            (2, 'LEADERSHIP', array['DIVISION', 'DEPARTMENT']),
            (3, 'TITLE_BASED', array['']),
            (4, 'KNOWLEDGE_UPDATE', array['GROUP_1', 'GROUP_2', 'GROUP_3', 'GROUP_4']),
            (5, 'DEFENCE_SECURITY', array['GROUP_1', 'GROUP_2', 'GROUP_3', 'GROUP_4']),
            (6, 'PROFESSIONAL', array['BACHELOR', 'MASTER', 'DOCTORATE', '']),
            (7, 'DIGITAL_SKILLS', array['BASIC', 'ADVANCED']),
            (8, 'FOREIGN_LANGUAGE', array['B1', 'B2'])""";

    public static void main(String[] args) throws Exception {
        long people = args.length > 0 ? Long.parseLong(args[0]) : 2_500_000;
        long turns = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Infrastructure infra = Infrastructure.get();
        String db = "reporting_bench";
        try (Connection admin = DriverManager.getConnection(infra.postgresUrl() + "postgres", infra.postgresSuperuser(),
                infra.postgresSuperuserPassword()); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
            s.execute("create database " + db);
        }
        try (Connection connection = DriverManager.getConnection(infra.postgresUrl() + db, infra.postgresSuperuser(),
                infra.postgresSuperuserPassword())) {
            Sql sql = new Sql(single(connection));
            ReadModel readModel = new ReadModel(sql);
            long t0 = System.nanoTime();
            readModel.createSchema("rpt_g1");
            readModel.switchTo("rpt_g1");
            sql.update("set search_path to rpt_g1, public");
            // the rules of migration V17: 40 periods a year for every staff category
            sql.update("""
                    create table public.yearly_minimum_rule (id bigint generated always as identity primary key,
                        staff_category varchar(30) not null, minimum_periods integer not null,
                        effective_from date not null, effective_to date, legal_basis varchar(300) not null)""");
            sql.update("""
                    insert into public.yearly_minimum_rule (staff_category, minimum_periods, effective_from, legal_basis)
                    select c, 40, date '1900-01-01', 'benchmark' from unnest(array['CADRE', 'CIVIL_SERVANT',
                        'PUBLIC_EMPLOYEE']) c""");
            generate(sql, people, turns);
            System.out.printf("Generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            for (String table : List.of("unit_version", "person", "person_version", "stock_interval", "enrolment",
                    "training_fact", "rollup_unit", "training_rollup", "annual_rollup", "id_number", "distinct_rollup",
                    "stock_rollup", "staff_rollup", "person_year", "person_result", "training_class", "plan",
                    "plan_item", "commitment", "repayment", "commitment_rollup", "repayment_rollup", "plan_gap",
                    "gap_rollup")) {
                System.out.printf("  %-15s %,12d rows%n", table, sql.longValue("select count(*) from " + table));
            }
            time(sql, readModel, runs, "P01", "P01.D01", null);
            if (args.length > 3 && args[3].equals("facts")) {
                // what the roll-ups by anchor save: with no unit anchored, RollupScope reads every unit of the
                // province from training_fact, the enrolments and the stock intervals
                sql.update("delete from rollup_unit");
                // the whole data set as one scope read from the facts: its 63 provinces put under a unit VN
                sql.update("""
                        insert into unit_version (code, effective_from, parent_code, name, kind, valid_from)
                        values ('VN', date '2000-01-01', null, 'Cả nước', 'PROVINCE', date '2000-01-01')""");
                sql.update("update unit_version set parent_code = 'VN' where kind = 'PROVINCE' and code <> 'VN'");
                System.out.printf("%nWithout the roll-ups by anchor (rollup_unit emptied; VN: the whole data set):%n");
                time(sql, readModel, runs, "P01", "VN");
            }
        }
    }

    private static void generate(Sql sql, long people, long turns) {
        step("units", () -> {
            sql.update("""
                    insert into unit_version (code, effective_from, parent_code, name, kind, valid_from)
                    select 'P' || lpad(p::text, 2, '0'), date '2000-01-01', null, 'Tỉnh ' || p, 'PROVINCE', date '2000-01-01'
                    from generate_series(1, 63) p""");
            sql.update("""
                    insert into unit_version (code, effective_from, parent_code, name, kind, valid_from)
                    select 'P' || lpad(p::text, 2, '0') || '.D' || lpad(d::text, 2, '0'), date '2000-01-01',
                        'P' || lpad(p::text, 2, '0'), 'Huyện ' || p || '.' || d, 'DISTRICT', date '2000-01-01'
                    from generate_series(1, 63) p, generate_series(1, 10) d""");
            sql.update("insert into unit_version (code, effective_from, parent_code, name, kind, valid_from)"
                    + " select " + UNIT + ", date '2000-01-01', substring(" + UNIT + " from 1 for 7), 'Xã ' || u,"
                    + " 'COMMUNE', date '2000-01-01' from generate_series(0, 6299) u");
            // every tenth commune moved to the neighbouring district on 1 Jan 2022
            sql.update("insert into unit_version (code, effective_from, parent_code, name, kind, valid_from)"
                    + " select " + UNIT + ", date '2022-01-01', substring(" + UNIT + " from 1 for 5) || lpad((((u / 10) + 1)"
                    + " % 10 + 1)::text, 2, '0'), 'Xã ' || u, 'COMMUNE', date '2000-01-01' from generate_series(0, 6299) u"
                    + " where u % 10 = 9");
            return null;
        });
        step("people", () -> sql.update("""
                insert into person (personnel_id, full_name, gender, ethnic_minority, category, unit_code, status,
                    title_code, leader, planned_titles, planned)
                select md5('p' || i)::uuid, 'Người ' || i, case when i % 2 = 0 then 'FEMALE' else 'MALE' end, i % 7 = 0,
                    (array['CADRE', 'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE'])[i % 3 + 1], %s,
                    case when i %% 50 = 0 then 'LEFT' else 'ACTIVE' end, null, i %% 10 = 0,
                    case when i %% 100 = 1 then '[{"titleCode":"PHO_CHU_TICH","status":"ACTIVE"}]' end, i %% 100 = 1
                from (select i, i %% 6300 u from generate_series(0, ? - 1) i) g""".replace("%s", UNIT)
                .replace("%%", "%"), people));
        step("person history", () -> {
            sql.update("""
                    insert into person_version (personnel_id, effective_from, effective_to, unit_code, category, status)
                    select personnel_id, date '2010-01-01', null, unit_code, category, 'ACTIVE' from person
                    where status = 'ACTIVE'""");
            // a tenth of the people moved on 1 March 2022 from another commune
            sql.update("""
                    update person_version set effective_from = date '2022-03-01' where personnel_id in
                    (select personnel_id from person where abs(hashtext(personnel_id::text)) % 10 = 3)""");
            sql.update("""
                    insert into person_version (personnel_id, effective_from, effective_to, unit_code, category, status)
                    select personnel_id, date '2010-01-01', date '2022-03-01', overlay(unit_code placing '01' from 10 for 2),
                        category, 'ACTIVE' from person where abs(hashtext(personnel_id::text)) % 10 = 3
                        and status = 'ACTIVE'""");
            sql.update("""
                    insert into person_version (personnel_id, effective_from, effective_to, unit_code, category, status)
                    select personnel_id, date '2010-01-01', date '2023-06-30', unit_code, category, 'ACTIVE' from person
                    where status = 'LEFT'
                    union all
                    select personnel_id, date '2023-06-30', null, unit_code, category, 'LEFT' from person
                    where status = 'LEFT'""");
            return null;
        });
        step("qualification stock", () -> {
            // education: a bachelor from the start, a fifth upgraded to master in 2019, one in twenty doctors
            sql.update("""
                    insert into stock_interval (personnel_id, kind, level, unit_code, category, valid_from, valid_to)
                    select personnel_id, 'EDUCATION', case when h % 20 = 0 then 'DOCTORATE' else 'BACHELOR' end,
                        unit_code, category, effective_from,
                        case when h % 5 = 1 and (effective_to is null or effective_to > date '2019-06-01')
                             and effective_from < date '2019-06-01' then date '2019-06-01' else effective_to end
                    from (select v.*, abs(hashtext(v.personnel_id::text)) h from person_version v
                          where status <> 'LEFT') v""");
            sql.update("""
                    insert into stock_interval (personnel_id, kind, level, unit_code, category, valid_from, valid_to)
                    select personnel_id, 'EDUCATION', 'MASTER', unit_code, category,
                        greatest(effective_from, date '2019-06-01'), effective_to
                    from (select v.*, abs(hashtext(v.personnel_id::text)) h from person_version v
                          where status <> 'LEFT') v
                    where h % 5 = 1 and h % 20 <> 0 and (effective_to is null or effective_to > date '2019-06-01')""");
            sql.update("""
                    insert into stock_interval (personnel_id, kind, level, unit_code, category, valid_from, valid_to)
                    select personnel_id, 'POLITICAL_THEORY',
                        (array['ADVANCED', 'ADVANCED', 'INTERMEDIATE', 'INTERMEDIATE', 'INTERMEDIATE', 'INTERMEDIATE',
                               'ELEMENTARY', 'ELEMENTARY'])[h % 10 + 1], unit_code, category, effective_from, effective_to
                    from (select v.*, abs(hashtext(v.personnel_id::text)) h from person_version v
                          where status <> 'LEFT') v where h % 10 < 8""");
            return null;
        });
        step("enrolments", () -> sql.update("""
                insert into enrolment (enrolment_id, personnel_id, class_id, category, level, delivery_mode, location,
                    start_date, end_date, unit_code, staff_category, gender, ethnic_minority, leader, status, fit,
                    funding_source, funding_vnd, cost_vnd, periods, grade, exam_failed, completed_on, withdrawn_on)
                select md5('e' || i)::uuid, md5('p' || j)::uuid, md5('k' || (i / 30))::uuid, c.category,
                    c.levels[(i / 270) % array_length(c.levels, 1) + 1],
                    (array['CONCENTRATED', 'PART_TIME', 'WORKSHOP', 'SEMINAR', 'ONLINE'])[(i / 30) % 5 + 1],
                    case when (i / 30) % 97 = 0 then 'OVERSEAS' else 'DOMESTIC' end,
                    date '2019-01-01' + ((i / 30) % 2190)::int, date '2019-01-01' + ((i / 30) % 2190)::int + 14,
                    %s, (array['CADRE', 'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE'])[j %% 3 + 1],
                    case when j %% 2 = 0 then 'FEMALE' else 'MALE' end, j %% 7 = 0, j %% 10 = 0,
                    (array['FAILED', 'WITHDRAWN', 'IN_PROGRESS', 'NOMINATED', 'REJECTED', 'COMPLETED', 'COMPLETED',
                           'COMPLETED', 'COMPLETED', 'COMPLETED'])[i %% 10 + 1],
                    case when i %% 25 = 0 then 'WARN' when i %% 50 = 1 then 'MISFIT' else 'FIT' end,
                    (array['STATE_BUDGET', 'STATE_BUDGET', 'UNIT', 'SELF'])[i %% 4 + 1],
                    1000000 + (i %% 50) * 100000, 1000000 + (i %% 50) * 100000, 40,
                    case when i %% 40 = 0 then 'EXCELLENT' end, i %% 20 = 0,
                    date '2019-01-01' + ((i / 30) %% 2190)::int + 14, null
                from (select i, u, (((i * 7919) %% greatest(? / 6300, 1)) * 6300 + u) j
                      -- a class (30 turns) takes its learners from the communes of one district; 30 % of the
                      -- classes are in province P01
                      from (select i, (case when (i / 30) %% 10 < 3 then (i / 30) %% 10 else (i / 30) %% 630 end) * 10
                                + i %% 10 u
                            from generate_series(0, ? - 1) i) x) g
                join (select n, category, levels from (values #CATEGORIES#) v(n, category, levels)) c
                    on c.n = (g.i / 30) %% 9"""
                .replace("%s", UNIT.replace("u /", "(j %% 6300) /").replace("u %", "(j %% 6300) %"))
                .replace("#CATEGORIES#", CATEGORIES).replace("%%", "%"), people, turns));
        step("training facts (what the deltas add up to)", () -> sql.update("""
                insert into training_fact (unit_code, period_month, category, level, delivery_mode, location,
                    staff_category, leader, gender, ethnic_minority, status, funding_source, fit, turns, periods,
                    cost_vnd, funding_vnd)
                select unit_code, date_trunc('month', start_date)::date, category, level, delivery_mode, location,
                    staff_category, leader, gender, ethnic_minority, status, funding_source, coalesce(fit, ''),
                    count(*), sum(periods), sum(cost_vnd), sum(funding_vnd)
                from enrolment group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13"""));
        step("training roll-up (the statements of TrainingRollup.FILL)", () -> {
            TrainingRollup.FILL.forEach(sql::update);
            return null;
        });
        step("annual report per anchor (AnnualRollup.FILL)",
                () -> sql.update(AnnualRollup.FILL));
        step("qualification stock per anchor (StockRollup.FILL)", () -> {
            StockRollup.FILL.forEach(sql::update);
            return null;
        });
        step("results per person (TrainingFacts.FILL_PERSON_RESULT)",
                () -> sql.update(TrainingFacts.FILL_PERSON_RESULT));
        step("excellent people (TrainingFacts.FILL_PERSON_EXCELLENT)",
                () -> sql.update(TrainingFacts.FILL_PERSON_EXCELLENT));
        step("distinct people and classes (DistinctRollup.fill)",
                () -> sql.withConnection(c -> {
                    DistinctRollup.fill(c, "true");
                    return null;
                }));
        step("classes", () -> sql.update("""
                insert into training_class (class_id, code, program_id, program_name, category, level, delivery_mode,
                    location, periods, organising_unit, start_date, end_date, cost_per_learner, status)
                select md5('k' || k)::uuid, 'L' || k, md5('prog' || (k %% 9))::uuid, 'Chương trình ' || (k %% 9),
                    c.category, c.levels[(k / 9) %% array_length(c.levels, 1) + 1],
                    (array['CONCENTRATED', 'PART_TIME', 'WORKSHOP', 'SEMINAR', 'ONLINE'])[k %% 5 + 1],
                    case when k %% 97 = 0 then 'OVERSEAS' else 'DOMESTIC' end, 40,
                    substring(%s from 1 for 7), date '2019-01-01' + (k %% 2190)::int,
                    date '2019-01-01' + (k %% 2190)::int + 14, 1000000,
                    case when k %% 20 = 0 then 'CANCELLED' when k %% 20 = 1 then 'OPEN' else 'COMPLETED' end
                from (select k, (case when k %% 10 < 3 then k %% 10 else k %% 630 end) * 10 u
                      from generate_series(0, (? - 1) / 30) k) g
                join (select n, category, levels from (values #CATEGORIES#) v(n, category, levels)) c
                    on c.n = g.k %% 9"""
                .replace("%s", UNIT).replace("#CATEGORIES#", CATEGORIES).replace("%%", "%"), turns));
        step("plans", () -> {
            sql.update("""
                    insert into plan (plan_id, year, org_unit_code, status)
                    select md5('plan' || code || y)::uuid, y, code, 'APPROVED'
                    from unit_version, generate_series(2019, 2024) y where kind = 'DISTRICT'""");
            return sql.update("""
                    insert into plan_item (plan_id, line, category, level, planned_classes, target_learners)
                    select p.plan_id, c.n + 1, c.category, c.levels[1], 1 + c.n %% 3, 30 * (1 + c.n %% 3)
                    from plan p, (values %s) c(n, category, levels)""".replace("%s", CATEGORIES).replace("%%", "%"));
        });
        step("commitments and repayments", () -> {
            // a tenth of the completed turns were state-funded with a commitment: most running, some served out,
            // some breached (with one or two repayment cases), a few released; a running one that has ended is
            // fulfilled, as enrolment-service's schedule does within the hour
            sql.update("""
                    insert into commitment (commitment_id, enrolment_id, personnel_id, starts_on, ends_on, months,
                        cost_vnd, status)
                    select md5('c' || enrolment_id)::uuid, enrolment_id, personnel_id, end_date, ends_on, months,
                        cost_vnd, case when chosen = 'ACTIVE' and ends_on < current_date then 'FULFILLED' else chosen end
                    from (select e.*, (end_date + (h % 5 * 12 + 12) * interval '1 month')::date ends_on,
                              h % 5 * 12 + 12 months, (array['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'FULFILLED',
                              'FULFILLED', 'BREACHED', 'RELEASED'])[h / 10 % 8 + 1] chosen
                          from (select e.*, abs(hashtext(enrolment_id::text)) h from enrolment e
                                where status = 'COMPLETED') e where h % 10 = 0) e""");
            sql.update("""
                    insert into repayment (case_id, commitment_id, enrolment_id, personnel_id, amount_vnd, status,
                        decision_number, decided_on)
                    select md5('r' || n || commitment_id)::uuid, commitment_id, enrolment_id, personnel_id,
                        cost_vnd / n, (array['DECIDED', 'PAID', 'OPEN'])[n], n || '/QĐ', starts_on + 400
                    from commitment, generate_series(1, 2) n
                    where status = 'BREACHED' and (n = 1 or abs(hashtext(commitment_id::text)) % 2 = 0)""");
            // repayments in full for failed turns, without a commitment
            return sql.update("""
                    insert into repayment (case_id, commitment_id, enrolment_id, personnel_id, amount_vnd, status,
                        decision_number, decided_on)
                    select md5('r' || enrolment_id)::uuid, null, enrolment_id, personnel_id, cost_vnd,
                        case when abs(hashtext(enrolment_id::text)) % 3 = 0 then 'PAID' else 'DECIDED' end,
                        'HT/QĐ', end_date + 60
                    from enrolment where status = 'FAILED' and abs(hashtext(enrolment_id::text)) % 10 = 0""");
        });
        step("commitments and repayments placed in their person's unit", () -> {
            sql.update("update commitment c set " + EnrolmentProjector.PLACE);
            return sql.update("update repayment c set " + EnrolmentProjector.PLACE);
        });
        step("commitments and repayments per unit (CommitmentRollup.FILL)", () -> {
            CommitmentRollup.FILL.forEach(sql::update);
            return null;
        });
        step("plan gaps of planned people", () -> sql.update("""
                insert into plan_gap (personnel_id, line, plan_id, title_code, kind, level)
                select personnel_id, n, md5('sp' || personnel_id)::text, 'PHO_CHU_TICH',
                    (array['POLITICAL_THEORY', 'STATE_MANAGEMENT'])[n], (array['ADVANCED', 'PRINCIPAL_SPECIALIST'])[n]
                from person, generate_series(1, 2) n
                where planned_titles is not null and (n = 1 or abs(hashtext(personnel_id::text)) % 2 = 0)"""));
        step("planned people lacking each level per unit (GapRollup.FILL)",
                () -> sql.update(GapRollup.FILL));
        step("person years", () -> sql.update("""
                insert into person_year (personnel_id, year, periods)
                select personnel_id, extract(year from completed_on)::int, sum(periods) from enrolment
                where status = 'COMPLETED' and retraining group by 1, 2"""));
        step("staff per unit and person years placed (StaffRollup.FILL)", () -> {
            StaffRollup.FILL.forEach(sql::update);
            return null;
        });
        step("vacuum analyze", () -> sql.update("vacuum analyze"));
    }

    private static void time(Sql sql, ReadModel readModel, int runs, String... scopes) throws Exception {
        ReportUnits units = new ReportUnits(adminScope(), null, sql, new CurrentVertxRequest());
        TrainingSummaryReport summary = new TrainingSummaryReport(readModel, units, sql);
        QualificationStockReport stock = new QualificationStockReport(readModel, units, sql);
        YearlyMinimumReport minimum = new YearlyMinimumReport(readModel, units, sql, new YearlyMinimumRules(sql));
        AnnualReport annual = new AnnualReport(readModel, units, sql);
        FitReport fit = new FitReport(readModel, units, sql);
        PlanVsActualReport plan = new PlanVsActualReport(readModel, units, sql);
        CommitmentsReport commitments = new CommitmentsReport(readModel, units, sql);
        SuccessionReviewReport succession = new SuccessionReviewReport(readModel, units, sql);
        LocalDate from = LocalDate.of(2021, 1, 1);
        LocalDate to = LocalDate.of(2022, 12, 31);
        System.out.printf("%n%-22s %-9s %9s %9s %9s%n", "report", "scope", "p50 ms", "p95 ms", "max ms");
        for (String scope : scopes) {
            String label = scope == null ? "national" : scope;
            measure("training-summary", label, runs, () -> summary.run(scope, from, to, null));
            measure("training-summary/CS", label, runs, () -> summary.run(scope, from, to, "CIVIL_SERVANT"));
            measure("training-summary/Jul-Jun", label, runs,
                    () -> summary.run(scope, LocalDate.of(2021, 7, 1), LocalDate.of(2023, 6, 30), null));
            measure("qualification-stock", label, runs,
                    () -> stock.run(scope, LocalDate.of(2023, 6, 30), LocalDate.of(2020, 6, 30), null));
            // 2019 is the year a fifth of the staff moved from bachelor to master: many intervals start and end in it
            measure("qualification-stock/2019", label, runs,
                    () -> stock.run(scope, LocalDate.of(2019, 12, 31), LocalDate.of(2019, 3, 31), null));
            measure("yearly-minimum", label, runs, () -> minimum.run(scope, 2023, null));
            measure("annual", label, runs, () -> annual.run(scope, 2023, null));
            measure("fit", label, runs, () -> fit.run(scope, from, to, null));
            measure("plan-vs-actual", label, runs, () -> plan.run(scope, 2023, null));
            measure("commitments", label, runs, () -> commitments.run(scope, null));
            measure("succession-review", label, runs, () -> succession.run(scope, null, 0, 100));
            measure("succession-review/all", label, runs, () -> succession.run(scope, null, 0, null));
        }
    }

    private static void measure(String report, String scope, int runs, Supplier<Object> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-22s %-9s %9.1f %9.1f %9.1f%n", report, scope, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
    }

    private static void step(String name, Supplier<Object> work) {
        long t = System.nanoTime();
        work.get();
        System.out.printf("  %-45s %6.1f s%n", name, (System.nanoTime() - t) / 1e9);
    }

    /** A province-wide caller, built outside CDI. */
    private static UnitScope adminScope() throws Exception {
        QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("benchmark")).addRole("admin").build();
        Constructor<Caller> caller = Caller.class.getDeclaredConstructor(io.quarkus.security.identity.SecurityIdentity.class,
                org.eclipse.microprofile.jwt.JsonWebToken.class);
        caller.setAccessible(true);
        Constructor<UnitScope> scope = UnitScope.class.getDeclaredConstructor(Caller.class, UnitHierarchy.class);
        scope.setAccessible(true);
        return scope.newInstance(caller.newInstance(identity, null), null);
    }

    /** One connection for every statement (the benchmark runs outside a transaction manager). */
    private static DataSource single(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(ReportBenchmark.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(ReportBenchmark.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new SQLException("not supported: " + method.getName());
                });
    }

    private ReportBenchmark() {
    }
}
