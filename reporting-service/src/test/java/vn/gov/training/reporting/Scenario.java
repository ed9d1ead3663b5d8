package vn.gov.training.reporting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;

/**
 * The test scenario as CloudEvents of the four topics: a unit R (sub-units A, B; C moved in from another root on
 * 1 Jan 2022), people with qualifications, one person moving from A to B, one leaving, and their enrolments.
 * Everything goes to partition 0 so that a marker sent last is provably read last.
 */
final class Scenario {

    final String s = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String root = "HG.VT.R" + s;
    final String a = root + ".A";
    final String b = root + ".B";
    final String c = root + ".C";
    final String other = "HG.CT.R" + s;
    final String marker = "HG.VT.M" + s;
    final String p1 = UUID.randomUUID().toString();
    final String p2 = UUID.randomUUID().toString();
    final String p3 = UUID.randomUUID().toString();
    final String p4 = UUID.randomUUID().toString();
    final String p5 = UUID.randomUUID().toString();
    final String p6 = UUID.randomUUID().toString();
    final String k1 = UUID.randomUUID().toString();
    final String k2 = UUID.randomUUID().toString();
    final String k3 = UUID.randomUUID().toString();
    final String k4 = UUID.randomUUID().toString();
    final String k5 = UUID.randomUUID().toString();
    final String k6 = UUID.randomUUID().toString();
    final String k7 = UUID.randomUUID().toString();

    private final java.util.Set<String> excellent = new java.util.HashSet<>();
    private final java.util.Set<String> planned = java.util.Set.of(p1, p3, p4);

    /** The scenario's events, with fixed ids so that sending them again is a redelivery. */
    final List<ProducerRecord<String, String>> events = new ArrayList<>();

    Scenario() {
        unit("HG", null, "Tỉnh Hậu Giang", "2000-01-01", "created");
        unit("HG.VT", "HG", "Thành phố Vị Thanh", "2000-01-01", "created");
        unit("HG.CT", "HG", "Huyện Châu Thành", "2000-01-01", "created");
        unit(root, "HG.VT", "Khối R " + s, "2000-01-01", "created");
        unit(a, root, "Phòng A", "2000-01-01", "created");
        unit(b, root, "Phòng B", "2000-01-01", "created");
        unit(other, "HG.CT", "Khối khác " + s, "2000-01-01", "created");
        unit(c, other, "Phòng C", "2000-01-01", "created");
        unit(c, root, "Phòng C", "2022-01-01", "moved");

        person(p1, "Nguyễn Thị Hồng", "FEMALE", "Kinh", "CIVIL_SERVANT", a, "TRUONG_PHONG", null, "ACTIVE",
                "2010-01-01", "registered", """
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"BACHELOR","awardedOn":"2005-06-01"},
                 {"qualificationId":"%s-2","kind":"EDUCATION","level":"MASTER","awardedOn":"2021-06-15"},
                 {"qualificationId":"%s-3","kind":"POLITICAL_THEORY","level":"INTERMEDIATE","awardedOn":"2015-01-01"}]"""
                        .formatted(p1, p1, p1));
        person(p2, "Danh Văn Sơn", "MALE", "Khmer", "CIVIL_SERVANT", a, null, null, "ACTIVE", "2010-01-01",
                "registered", """
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"BACHELOR","awardedOn":"2008-01-01"}]"""
                        .formatted(p2));
        String p3Quals = """
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"DOCTORATE","awardedOn":"2019-01-01"}]"""
                .formatted(p3);
        person(p3, "Thạch Thị Lan", "FEMALE", "Khmer", "PUBLIC_EMPLOYEE", a, null, null, "ACTIVE", "2010-01-01",
                "registered", p3Quals);
        person(p3, "Thạch Thị Lan", "FEMALE", "Khmer", "PUBLIC_EMPLOYEE", b, null, null, "ACTIVE", "2022-03-01",
                "transferred", p3Quals);
        String p4Quals = """
                [{"qualificationId":"%s-1","kind":"POLITICAL_THEORY","level":"ADVANCED","awardedOn":"2012-01-01"}]"""
                .formatted(p4);
        person(p4, "Trần Văn Bốn", "MALE", "Kinh", "CADRE", b, null, "DISTRICT_STANDING_COMMITTEE", "ACTIVE",
                "2010-01-01", "registered", p4Quals);
        person(p4, "Trần Văn Bốn", "MALE", "Kinh", "CADRE", b, null, "DISTRICT_STANDING_COMMITTEE", "LEFT",
                "2022-06-30", "left", p4Quals);
        person(p5, "Lê Văn Năm", "MALE", "Kinh", "CIVIL_SERVANT", c, null, null, "ACTIVE", "2010-01-01",
                "registered", "[]");
        person(p6, "Võ Thị Sáu", "FEMALE", "Kinh", "CIVIL_SERVANT", other, null, null, "ACTIVE", "2010-01-01",
                "registered", """
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"BACHELOR","awardedOn":"2000-01-01"}]"""
                        .formatted(p6));

        trainingClass(k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2021-03-01", "2021-06-30");
        trainingClass(k2, "STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", "CONCENTRATED", "DOMESTIC", "2021-09-01",
                "2021-10-15");

        String e1 = UUID.randomUUID().toString();
        enrolment(e1, p1, k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2021-03-01",
                "2021-06-30", a, "CIVIL_SERVANT", "NOMINATED", "FIT", "STATE_BUDGET", 10_000_000, 0, null, "nominated");
        enrolment(e1, p1, k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2021-03-01",
                "2021-06-30", a, "CIVIL_SERVANT", "APPROVED", "FIT", "STATE_BUDGET", 10_000_000, 0, null, "approved");
        enrolment(e1, p1, k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2021-03-01",
                "2021-06-30", a, "CIVIL_SERVANT", "COMPLETED", "FIT", "STATE_BUDGET", 10_000_000, 40, "2021-06-30",
                "completed");
        String e2 = UUID.randomUUID().toString();
        excellent.add(e2);
        enrolment(e2, p2, k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC",
                "2021-03-01", "2021-06-30", a, "CIVIL_SERVANT", "COMPLETED", "FIT", "STATE_BUDGET", 10_000_000, 40,
                "2021-06-30", "completed");
        String e3 = UUID.randomUUID().toString();
        enrolment(e3, p3, k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2021-03-01",
                "2021-06-30", a, "PUBLIC_EMPLOYEE", "IN_PROGRESS", "FIT", "STATE_BUDGET", 10_000_000, 0, null,
                "approved");
        enrolment(e3, p3, k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2021-03-01",
                "2021-06-30", a, "PUBLIC_EMPLOYEE", "FAILED", "FIT", "STATE_BUDGET", 10_000_000, 30, null, "failed");
        enrolment(UUID.randomUUID().toString(), p1, k2, "STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", "CONCENTRATED",
                "DOMESTIC", "2021-09-01", "2021-10-15", a, "CIVIL_SERVANT", "COMPLETED", "MISFIT", "UNIT", 5_000_000, 20,
                "2021-10-15", "completed");
        enrolment(UUID.randomUUID().toString(), p4, k3, "DIGITAL_SKILLS", "BASIC", "ONLINE", "DOMESTIC",
                "2021-11-01", "2021-11-30", b, "CADRE", "WITHDRAWN", "FIT", "SELF", 2_000_000, 0, null, "withdrawn");
        String e6 = UUID.randomUUID().toString();
        enrolment(e6, p3, k4, "FOREIGN_LANGUAGE", "B1", "CONCENTRATED", "OVERSEAS",
                "2022-04-01", "2022-05-30", b, "PUBLIC_EMPLOYEE", "COMPLETED", "FIT", "SPONSOR", 50_000_000, 60,
                "2022-05-30", "completed");
        enrolment(UUID.randomUUID().toString(), p5, k5, "DEFENCE_SECURITY", "GROUP_3", "CONCENTRATED", "DOMESTIC",
                "2021-05-01", "2021-05-12", c, "CIVIL_SERVANT", "COMPLETED", "FIT", "STATE_BUDGET", 3_000_000, 48,
                "2021-05-12", "completed");
        enrolment(UUID.randomUUID().toString(), p5, k6, "KNOWLEDGE_UPDATE", "GROUP_3", "SEMINAR", "DOMESTIC",
                "2022-05-01", "2022-05-02", c, "CIVIL_SERVANT", "COMPLETED", "FIT", "UNIT", 1_000_000, 16,
                "2022-05-02", "completed");
        enrolment(UUID.randomUUID().toString(), p2, k2, "STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", "CONCENTRATED",
                "DOMESTIC", "2021-12-01", "2021-12-20", a, "CIVIL_SERVANT", "NOMINATED", "WARN", "STATE_BUDGET",
                5_000_000, 0, null, "nominated");
        enrolment(UUID.randomUUID().toString(), p6, k7, "POLITICAL_THEORY", "ELEMENTARY", "PART_TIME", "DOMESTIC",
                "2021-02-01", "2021-03-01", other, "CIVIL_SERVANT", "COMPLETED", "FIT", "STATE_BUDGET", 1_000_000, 40,
                "2021-03-01", "completed");
        commitmentsAndPlans(e1, e6);
    }

    private void commitmentsAndPlans(String e1, String e6) {
        String c1 = UUID.randomUUID().toString();
        String c2 = UUID.randomUUID().toString();
        add("enrolment", e1, "commitment.started", """
                {"commitmentId":"%s","enrolmentId":"%s","personnelId":"%s","startsOn":"2021-07-01","endsOn":"2022-07-01",
                 "months":12,"costVnd":10000000,"status":"ACTIVE"}""".formatted(c1, e1, p1));
        add("enrolment", e6, "commitment.started", """
                {"commitmentId":"%s","enrolmentId":"%s","personnelId":"%s","startsOn":"2022-06-01","endsOn":"2025-06-01",
                 "months":36,"costVnd":50000000,"status":"ACTIVE"}""".formatted(c2, e6, p3));
        add("enrolment", e6, "commitment.breached", """
                {"commitmentId":"%s","enrolmentId":"%s","personnelId":"%s","startsOn":"2022-06-01","endsOn":"2025-06-01",
                 "months":36,"costVnd":50000000,"status":"BREACHED"}""".formatted(c2, e6, p3));
        add("enrolment", e6, "repayment.decided", """
                {"caseId":"%s","commitmentId":"%s","enrolmentId":"%s","personnelId":"%s","amountVnd":20000000,
                 "status":"DECIDED","decisionNumber":"12/QĐ","decidedOn":"2023-01-10"}""".formatted(UUID.randomUUID(), c2, e6, p3));
        add("enrolment", e6, "repayment.decided", """
                {"caseId":"%s","commitmentId":"%s","enrolmentId":"%s","personnelId":"%s","amountVnd":5000000,
                 "status":"PAID","decisionNumber":"13/QĐ","decidedOn":"2023-02-10"}""".formatted(UUID.randomUUID(), c2, e6, p3));
        String plan = UUID.randomUUID().toString();
        add("course", plan, "plan.approved", """
                {"planId":"%s","year":2021,"orgUnitCode":"%s","status":"APPROVED","items":[
                 {"category":"POLITICAL_THEORY","level":"INTERMEDIATE","plannedClasses":2,"targetLearners":60},
                 {"category":"DIGITAL_SKILLS","level":"BASIC","plannedClasses":1,"targetLearners":30}]}"""
                .formatted(plan, a));
    }

    /** Sends the scenario (again, for a redelivery) and then markers, one per topic, numbered {@code round}. */
    void send(int round) {
        List<ProducerRecord<String, String>> all = new ArrayList<>(events);
        List<ProducerRecord<String, String>> saved = new ArrayList<>(events);
        events.clear();
        String markerUnit = marker(round);
        unit(markerUnit, "HG.VT", "Mốc " + round, "2000-01-01", "created");
        String pm = UUID.randomUUID().toString();
        person(pm, "Mốc " + round, "MALE", "Kinh", "CIVIL_SERVANT", markerUnit, null, null, "ACTIVE", "2010-01-01",
                "registered", "[{\"qualificationId\":\"%s-1\",\"kind\":\"IT\",\"level\":\"BASIC\",\"awardedOn\":\"2010-01-01\"}]"
                        .formatted(pm));
        enrolment(UUID.randomUUID().toString(), pm, k1, "DIGITAL_SKILLS", "BASIC", "ONLINE", "DOMESTIC",
                "2030-01-01", "2030-01-02", markerUnit, "CIVIL_SERVANT", "COMPLETED", "FIT", "UNIT", 0, 0, "2030-01-02",
                "completed");
        all.addAll(events);
        events.clear();
        events.addAll(saved);
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(all.stream().map(r -> new ProducerRecord<>(r.topic(), r.partition(),
                    r.key(), r.value(), new RecordHeaders(r.headers().toArray()))).toList()).awaitCompletion();
        }
    }

    String marker(int round) {
        return marker + "." + round;
    }

    private void unit(String code, String parent, String name, String effectiveOn, String type) {
        add("org-unit", code, "org-unit." + type, """
                {"code":"%s","name":"%s","kind":"DEPARTMENT",%s"validFrom":"2000-01-01","effectiveOn":"%s"}"""
                .formatted(code, name, parent == null ? "" : "\"parentCode\":\"" + parent + "\",", effectiveOn));
    }

    private void person(String id, String name, String gender, String ethnicity, String category, String unit,
                        String title, String tier, String status, String effectiveOn, String type, String quals) {
        add("personnel", id, "personnel." + type, """
                {"personnelId":"%s","fullName":"%s","gender":"%s","ethnicity":"%s","dateOfBirth":"1980-01-01",
                 "category":"%s","orgUnitCode":"%s","titleCode":%s,"managementTier":%s,"startedServiceOn":"2010-01-01",
                 "status":"%s","effectiveOn":"%s","qualifications":%s,"ratings":[],"plannedTitles":%s}"""
                .formatted(id, name, gender, ethnicity, category, unit, json(title), json(tier), status, effectiveOn,
                        quals, planned.contains(id) ? """
                        [{"planId":"%s","titleCode":"PHO_GIAM_DOC","orgUnitCode":"%s","termStart":2020,"termEnd":2025,
                          "status":"ACTIVE"}]""".formatted(UUID.randomUUID(), root) : "[]"));
    }

    private void trainingClass(String id, String category, String level, String mode, String location, String start,
                               String end) {
        add("course", id, "class.completed", """
                {"classId":"%s","code":"L-%s","program":{"programId":"%s","name":"Chương trình %s","category":"%s",
                 "level":"%s","periods":40,"deliveryMode":"%s"},"organisingUnitCode":"%s","location":"%s",
                 "startDate":"%s","endDate":"%s","costPerLearnerVnd":10000000,"status":"COMPLETED"}"""
                .formatted(id, s, UUID.randomUUID(), category, category, level, mode, root, location, start, end));
    }

    private void enrolment(String id, String person, String classId, String category, String level, String mode,
                           String location, String start, String end, String unit, String staffCategory,
                           String status, String fit, String source, long cost, int periods, String completedOn,
                           String type) {
        add("enrolment", id, "enrolment." + type, """
                {"enrolmentId":"%s","personnelId":"%s","classId":"%s","programId":"%s","category":"%s","level":"%s",
                 "deliveryMode":"%s","location":"%s","startDate":"%s","endDate":"%s","nominatingUnitCode":"%s",
                 "personOrgUnitCode":"%s","personCategory":"%s","status":"%s","fit":{"assessment":"%s","reasons":[]},
                 "fundingSource":"%s","fundingAmountVnd":%d,"costVnd":%d,"exams":[],"periodsAttended":%d,
                 "completedOn":%s,"grade":%s}"""
                .formatted(id, person, classId, UUID.randomUUID(), category, level, mode, location, start, end, unit,
                        unit, staffCategory, status, fit, source, cost, cost, periods, json(completedOn),
                        json(excellent.contains(id) ? "EXCELLENT" : null)));
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private void add(String topic, String key, String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/training/test");
        header(record, "ce_type", "vn.gov.training." + type + ".v1");
        header(record, "content-type", "application/json");
        events.add(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
