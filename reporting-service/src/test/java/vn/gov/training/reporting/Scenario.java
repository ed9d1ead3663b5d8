package vn.gov.training.reporting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.EventContract;

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
    final String k8 = UUID.randomUUID().toString();
    /** A second subtree Q (sub-units X, Y) for history, free-text levels and plan gaps, apart from R's figures. */
    final String q = "HG.VT.Q" + s;
    final String x = q + ".X";
    final String y = q + ".Y";
    final String p7 = UUID.randomUUID().toString();
    final String p8 = UUID.randomUUID().toString();
    final String p9 = UUID.randomUUID().toString();
    /**
     * A top-level unit T (districts T.D1, T.D2 with a commune each) whose training summary is served by the roll-up,
     * and another top-level unit U whose commune U.C moved to T.D2 on 1 Jan 2022.
     */
    final String t = "T" + s;
    final String td1 = t + ".D1";
    final String td2 = t + ".D2";
    final String tc1 = td1 + ".C1";
    final String tc2 = td2 + ".C1";
    final String u = "U" + s;
    final String uc = u + ".C";
    /** A top-level unit V whose commune V.C, with a 2021 turn, moves to the new top-level unit W in 2023. */
    final String v = "V" + s;
    final String vc = v + ".C";
    final String w = "W" + s;
    /** The enrolment in T that is IN_PROGRESS until {@link #completeInT()}. */
    private final String et2 = UUID.randomUUID().toString();
    private final String pt2 = UUID.randomUUID().toString();
    private final String kt1 = UUID.randomUUID().toString();
    /** A person whose events never reach reporting: their commitment counts in the unit of the enrolment. */
    final String px = UUID.randomUUID().toString();
    /** A foreign-language level as personnel-service stores it: a free code of up to 50 characters. */
    static final String LONG_LEVEL = "TIENG_ANH_B2_KHUNG_NANG_LUC_NGOAI_NGU_6_BAC_VN";

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
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"BACHELOR","awardedOn":"2005-06-01","source":"MANUAL"},
                 {"qualificationId":"%s-2","kind":"EDUCATION","level":"MASTER","awardedOn":"2021-06-15","source":"MANUAL"},
                 {"qualificationId":"%s-3","kind":"POLITICAL_THEORY","level":"INTERMEDIATE","awardedOn":"2015-01-01","source":"MANUAL"}]"""
                        .formatted(p1, p1, p1));
        person(p2, "Danh Văn Sơn", "MALE", "Khmer", "CIVIL_SERVANT", a, null, null, "ACTIVE", "2010-01-01",
                "registered", """
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"BACHELOR","awardedOn":"2008-01-01","source":"MANUAL"}]"""
                        .formatted(p2));
        String p3Quals = """
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"DOCTORATE","awardedOn":"2019-01-01","source":"MANUAL"}]"""
                .formatted(p3);
        person(p3, "Thạch Thị Lan", "FEMALE", "Khmer", "PUBLIC_EMPLOYEE", a, null, null, "ACTIVE", "2010-01-01",
                "registered", p3Quals);
        person(p3, "Thạch Thị Lan", "FEMALE", "Khmer", "PUBLIC_EMPLOYEE", b, null, null, "ACTIVE", "2022-03-01",
                "transferred", p3Quals);
        String p4Quals = """
                [{"qualificationId":"%s-1","kind":"POLITICAL_THEORY","level":"ADVANCED","awardedOn":"2012-01-01","source":"MANUAL"}]"""
                .formatted(p4);
        person(p4, "Trần Văn Bốn", "MALE", "Kinh", "CADRE", b, null, "DISTRICT_STANDING_COMMITTEE", "ACTIVE",
                "2010-01-01", "registered", p4Quals);
        person(p4, "Trần Văn Bốn", "MALE", "Kinh", "CADRE", b, null, "DISTRICT_STANDING_COMMITTEE", "LEFT",
                "2022-06-30", "left", p4Quals);
        person(p5, "Lê Văn Năm", "MALE", "Kinh", "CIVIL_SERVANT", c, null, null, "ACTIVE", "2010-01-01",
                "registered", "[]");
        person(p6, "Võ Thị Sáu", "FEMALE", "Kinh", "CIVIL_SERVANT", other, null, null, "ACTIVE", "2010-01-01",
                "registered", """
                [{"qualificationId":"%s-1","kind":"EDUCATION","level":"BACHELOR","awardedOn":"2000-01-01","source":"MANUAL"}]"""
                        .formatted(p6));

        trainingClass(k1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2021-03-01", "2021-06-30");
        // opened for registration but never held: not an actual class of the plan year
        trainingClass(k8, "DIGITAL_SKILLS", "BASIC", "ONLINE", "DOMESTIC", "2021-11-01", "2021-11-30", "OPEN");
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
        commitmentsAndPlans(e1, e3, e6);
        historyFreeTextLevelsAndPlanGaps();
        topLevelUnits();
        turnsAndNoise();
    }

    /** Top-level unit N: communes N.A and N.B, merged into N.M on 1 July 2025 with their people. */
    final String n = "N" + s;
    final String na = n + ".A";
    final String nb = n + ".B";
    final String nm = n + ".M";
    final String n1 = UUID.randomUUID().toString();
    final String n2 = UUID.randomUUID().toString();
    final String n3 = UUID.randomUUID().toString();

    /**
     * Turns and what is not a turn, in N. n1 (A, then M): a completed intermediate political-theory turn in March
     * 2025 (A) and a completed state-management turn in September 2025, nominated from A before the merge (M).
     * n2 (B, then M): rejected, then withdrawn before the start of the March class; stopped at the entry exam of the
     * September class; a second September enrolment withdrawn after the start (a turn, in M); a master's degree
     * completed in 2025 (a turn in B, 1,200 periods that are not retraining). n3 (A, moved to B on 1 January 2024 by an
     * event that arrives after their enrolments): a 2024 defence turn nominated from A (belongs to B); the March 2025
     * class failed at the exit exam (a turn in B); waitlisted for September; withdrawn from a cancelled class.
     */
    private void turnsAndNoise() {
        unit(n, null, "Tỉnh N " + s, "2000-01-01", "created");
        unit(na, n, "Xã N.A", "2000-01-01", "created");
        unit(nb, n, "Xã N.B", "2000-01-01", "created");
        unit(nm, n, "Xã N.M", "2025-07-01", "created");
        person(n1, "Nguyễn Văn Một", "MALE", "Kinh", "CIVIL_SERVANT", na, null, null, "ACTIVE", "2010-01-01",
                "registered", "[]");
        person(n2, "Trần Thị Hai", "FEMALE", "Kinh", "CIVIL_SERVANT", nb, null, null, "ACTIVE", "2010-01-01",
                "registered", "[]");
        person(n3, "Lê Văn Ba", "MALE", "Kinh", "CIVIL_SERVANT", na, null, null, "ACTIVE", "2010-01-01",
                "registered", "[]");
        String march = UUID.randomUUID().toString();
        String september = UUID.randomUUID().toString();
        String pt = "POLITICAL_THEORY";
        String sm = "STATE_MANAGEMENT";
        enrolment(UUID.randomUUID().toString(), n1, march, pt, "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2025-03-01",
                "2025-03-31", na, "CIVIL_SERVANT", "COMPLETED", "FIT", "STATE_BUDGET", 4_000_000, 40, "2025-03-31",
                "completed");
        enrolment(UUID.randomUUID().toString(), n2, march, pt, "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2025-03-01",
                "2025-03-31", nb, "CIVIL_SERVANT", "REJECTED", "MISFIT", "STATE_BUDGET", 4_000_000, 0, null,
                "rejected");
        enrolment(UUID.randomUUID().toString(), n2, march, pt, "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2025-03-01",
                "2025-03-31", nb, "CIVIL_SERVANT", "WITHDRAWN", "MISFIT", "STATE_BUDGET", 4_000_000, 0, null,
                "withdrawn", "\"exams\":[],\"withdrawnOn\":\"2025-02-20\"");
        enrolment(UUID.randomUUID().toString(), n3, march, pt, "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2025-03-01",
                "2025-03-31", na, "CIVIL_SERVANT", "FAILED", "FIT", "STATE_BUDGET", 4_000_000, 30, null, "failed",
                "\"exams\":[{\"kind\":\"ENTRY\",\"attempt\":1,\"passed\":true},"
                        + "{\"kind\":\"EXIT\",\"attempt\":1,\"passed\":false}],\"reason\":\"exit-exam-failed\"");
        enrolment(UUID.randomUUID().toString(), n1, september, sm, "SPECIALIST", "CONCENTRATED", "DOMESTIC",
                "2025-09-01", "2025-09-30", na, "CIVIL_SERVANT", "COMPLETED", "MISFIT", "UNIT", 5_000_000, 40,
                "2025-09-30", "completed");
        enrolment(UUID.randomUUID().toString(), n2, september, sm, "SPECIALIST", "CONCENTRATED", "DOMESTIC",
                "2025-09-01", "2025-09-30", nb, "CIVIL_SERVANT", "FAILED", "FIT", "UNIT", 5_000_000, 0, null, "failed",
                "\"exams\":[{\"kind\":\"ENTRY\",\"attempt\":1,\"passed\":false}],"
                        + "\"reason\":\"entry-exam-failed\"");
        enrolment(UUID.randomUUID().toString(), n2, september, sm, "SPECIALIST", "CONCENTRATED", "DOMESTIC",
                "2025-09-01", "2025-09-30", nb, "CIVIL_SERVANT", "WITHDRAWN", "FIT", "UNIT", 5_000_000, 0, null,
                "withdrawn", "\"exams\":[],\"withdrawnOn\":\"2025-09-10\"");
        enrolment(UUID.randomUUID().toString(), n3, september, sm, "SPECIALIST", "CONCENTRATED", "DOMESTIC",
                "2025-09-01", "2025-09-30", na, "CIVIL_SERVANT", "WAITLISTED", "FIT", "UNIT", 5_000_000, 0, null,
                "waitlisted");
        enrolment(UUID.randomUUID().toString(), n3, UUID.randomUUID().toString(), "DIGITAL_SKILLS", "BASIC", "ONLINE",
                "DOMESTIC", "2025-10-01", "2025-10-05", na, "CIVIL_SERVANT", "WITHDRAWN", "FIT", "UNIT", 1_000_000, 0,
                null, "withdrawn", "\"exams\":[],\"withdrawnOn\":\"2025-09-20\",\"reason\":\"class-cancelled\"");
        enrolment(UUID.randomUUID().toString(), n2, UUID.randomUUID().toString(), "PROFESSIONAL", "MASTER",
                "PART_TIME", "DOMESTIC", "2025-01-05", "2025-12-20", nb, "CIVIL_SERVANT", "COMPLETED", "FIT", "SELF",
                90_000_000, 1200, "2025-12-20", "completed",
                "\"exams\":[],\"grantsLevel\":{\"kind\":\"EDUCATION\",\"level\":\"MASTER\"}");
        enrolment(UUID.randomUUID().toString(), n3, UUID.randomUUID().toString(), "DEFENCE_SECURITY", "GROUP_3",
                "CONCENTRATED", "DOMESTIC", "2024-06-01", "2024-06-12", na, "CIVIL_SERVANT", "COMPLETED", "FIT",
                "STATE_BUDGET", 3_000_000, 48, "2024-06-12", "completed");
        // the transfer of n3, dated before the 2024 turn, arrives after it
        person(n3, "Lê Văn Ba", "MALE", "Kinh", "CIVIL_SERVANT", nb, null, null, "ACTIVE", "2024-01-01",
                "transferred", "[]");
        // the merge: N.A and N.B end, their people move to N.M on the same day
        merged(na, n, "Xã N.A", nm, "2025-07-01");
        merged(nb, n, "Xã N.B", nm, "2025-07-01");
        person(n1, "Nguyễn Văn Một", "MALE", "Kinh", "CIVIL_SERVANT", nm, null, null, "ACTIVE", "2025-07-01",
                "transferred", "[]");
        person(n2, "Trần Thị Hai", "FEMALE", "Kinh", "CIVIL_SERVANT", nm, null, null, "ACTIVE", "2025-07-01",
                "transferred", "[]");
        person(n3, "Lê Văn Ba", "MALE", "Kinh", "CIVIL_SERVANT", nm, null, null, "ACTIVE", "2025-07-01",
                "transferred", "[]");
    }

    private void merged(String code, String parent, String name, String into, String on) {
        add("org-unit", code, "org-unit.merged", """
                {"code":"%s","name":"%s","kind":"COMMUNE","parentCode":"%s","validFrom":"2000-01-01","validTo":"%s",
                 "mergedInto":"%s","effectiveOn":"%s"}""".formatted(code, name, parent, on, into, on));
    }

    /**
     * T and U. 2021: a withdrawn digital-skills turn in T.D1.C1; a completed one in the same class in U.C (then in
     * U). 2022: a political-theory class with a completed turn in T.D1.C1 and one in progress in T.D2.C1, a failed
     * state-management turn in U.C (by then in T.D2), and a nomination (not a turn) in T.D2.C1.
     */
    private void topLevelUnits() {
        unit(t, null, "Tỉnh T " + s, "2000-01-01", "created");
        unit(td1, t, "Huyện T1", "2000-01-01", "created");
        unit(td2, t, "Huyện T2", "2000-01-01", "created");
        unit(tc1, td1, "Xã T1", "2000-01-01", "created");
        unit(tc2, td2, "Xã T2", "2000-01-01", "created");
        unit(u, null, "Tỉnh U " + s, "2000-01-01", "created");
        unit(uc, u, "Xã U", "2000-01-01", "created");
        unit(uc, td2, "Xã U", "2022-01-01", "moved");
        String pt1 = UUID.randomUUID().toString();
        String pt3 = UUID.randomUUID().toString();
        String kt2 = UUID.randomUUID().toString();
        enrolment(UUID.randomUUID().toString(), pt1, kt2, "DIGITAL_SKILLS", "BASIC", "ONLINE", "DOMESTIC", "2021-06-01",
                "2021-06-10", tc1, "CIVIL_SERVANT", "WITHDRAWN", "FIT", "SELF", 2_000_000, 0, null, "withdrawn");
        enrolment(UUID.randomUUID().toString(), pt3, kt2, "DIGITAL_SKILLS", "BASIC", "ONLINE", "DOMESTIC", "2021-06-01",
                "2021-06-10", uc, "CIVIL_SERVANT", "COMPLETED", "FIT", "SELF", 2_000_000, 20, "2021-06-10",
                "completed");
        enrolment(UUID.randomUUID().toString(), pt1, kt1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC",
                "2022-03-01", "2022-06-30", tc1, "CIVIL_SERVANT", "COMPLETED", "FIT", "STATE_BUDGET", 10_000_000, 40,
                "2022-06-30", "completed");
        enrolment(et2, pt2, kt1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", "2022-03-01",
                "2022-06-30", tc2, "PUBLIC_EMPLOYEE", "IN_PROGRESS", "FIT", "STATE_BUDGET", 10_000_000, 0, null,
                "approved");
        enrolment(UUID.randomUUID().toString(), pt3, UUID.randomUUID().toString(), "STATE_MANAGEMENT", "SPECIALIST",
                "CONCENTRATED", "DOMESTIC", "2022-09-01", "2022-09-30", uc, "CIVIL_SERVANT", "FAILED", "FIT", "UNIT",
                5_000_000, 10, null, "failed");
        enrolment(UUID.randomUUID().toString(), pt2, UUID.randomUUID().toString(), "DIGITAL_SKILLS", "ADVANCED",
                "ONLINE", "DOMESTIC", "2022-10-01", "2022-10-05", tc2, "PUBLIC_EMPLOYEE", "NOMINATED", "FIT", "UNIT",
                1_000_000, 0, null, "nominated");
        unit(v, null, "Tỉnh V " + s, "2000-01-01", "created");
        unit(vc, v, "Xã V", "2000-01-01", "created");
        enrolment(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "DEFENCE_SECURITY", "GROUP_4", "CONCENTRATED", "DOMESTIC", "2021-04-01", "2021-04-05", vc, "CADRE",
                "COMPLETED", "FIT", "STATE_BUDGET", 3_000_000, 24, "2021-04-05", "completed");
    }

    /** Sends (now, and in every later redelivery) the creation of W and the move of V.C under it on 1 Jan 2023. */
    void moveToW() {
        int from = events.size();
        unit(w, null, "Tỉnh W " + s, "2000-01-01", "created");
        unit(vc, w, "Xã V", "2023-01-01", "moved");
        produce(List.copyOf(events.subList(from, events.size())));
    }

    /** Sends (now, and in every later redelivery) the completion of the turn in progress in T.D2.C1: 40 periods. */
    void completeInT() {
        completedInT("2022-03-01");
    }

    /** Sends the correction of that completed turn's start to 1 April 2022: the same year, another month. */
    void rescheduleInT() {
        completedInT("2022-04-01");
    }

    private void completedInT(String start) {
        int from = events.size();
        enrolment(et2, pt2, kt1, "POLITICAL_THEORY", "INTERMEDIATE", "PART_TIME", "DOMESTIC", start, "2022-06-30", tc2,
                "PUBLIC_EMPLOYEE", "COMPLETED", "FIT", "STATE_BUDGET", 10_000_000, 40, "2022-06-30", "completed");
        produce(List.copyOf(events.subList(from, events.size())));
    }

    /**
     * Subtree Q. p7: registered in X in 2010 (a free-text foreign-language level, fields
     * reporting does not know), moved to Y on 1 March 2022, then a master's degree of 2005 recorded and a 2021 rating
     * entered: neither of these may put p7 in Y before 2022. p8: planned for a title and lacking two levels for it
     * (a later event without planGaps keeps them); p9: planned, lacking nothing.
     */
    private void historyFreeTextLevelsAndPlanGaps() {
        unit(q, "HG.VT", "Khối Q " + s, "2000-01-01", "created");
        unit(x, q, "Phòng X", "2000-01-01", "created");
        unit(y, q, "Phòng Y", "2000-01-01", "created");
        String before = """
                [{"qualificationId":"%s","kind":"EDUCATION","level":"BACHELOR","awardedOn":"2008-01-01",
                  "source":"IMPORT"},
                 {"qualificationId":"%s","kind":"FOREIGN_LANGUAGE","level":"%s","awardedOn":"2009-05-01",
                  "source":"MANUAL","institution":"Trường Đại học Cần Thơ"}]""".formatted(UUID.randomUUID(),
                UUID.randomUUID(), LONG_LEVEL);
        String after = before.substring(0, before.length() - 1) + """
                ,{"qualificationId":"%s","kind":"EDUCATION","level":"MASTER","awardedOn":"2005-06-01","source":"MANUAL"}]"""
                .formatted(UUID.randomUUID());
        personnel(p7, "registered", "Phạm Thị Bảy", "CIVIL_SERVANT", x, "ACTIVE", "2010-01-01", before, "[]", "[]",
                "[]");
        personnel(p7, "transferred", "Phạm Thị Bảy", "CIVIL_SERVANT", y, "ACTIVE", "2022-03-01", before, "[]", "[]",
                "[]");
        personnel(p7, "qualification-recorded", "Phạm Thị Bảy", "CIVIL_SERVANT", y, "ACTIVE", "2005-06-01", after,
                "[]", "[]", "[]");
        personnel(p7, "updated", "Phạm Thị Bảy", "CIVIL_SERVANT", y, "ACTIVE", "2021-12-31", after,
                "[{\"year\":2021,\"rating\":\"GOOD\"}]", "[]", "[]");
        String plan8 = UUID.randomUUID().toString();
        String plans8 = """
                [{"planId":"%s","titleCode":"TRUONG_PHONG","orgUnitCode":"%s","termStart":2025,"termEnd":2030,
                  "status":"ACTIVE"}]""".formatted(plan8, x);
        personnel(p8, "registered", "Đỗ Văn Tám", "CIVIL_SERVANT", x, "ACTIVE", "2012-01-01", "[]", "[]", "[]",
                "[]");
        personnel(p8, "succession-plan-changed", "Đỗ Văn Tám", "CIVIL_SERVANT", x, "ACTIVE", "2025-05-01", "[]",
                "[]", plans8, """
                [{"planId":"%s","titleCode":"TRUONG_PHONG","kind":"POLITICAL_THEORY","level":"ADVANCED"},
                 {"planId":"%s","titleCode":"TRUONG_PHONG","kind":"STATE_MANAGEMENT","level":"PRINCIPAL_SPECIALIST",
                  "requiredBy":"Quy định 89-QĐ/TW"}]""".formatted(plan8, plan8));
        // an event without planGaps (as published before the field existed) leaves the known gaps alone
        personnel(p8, "updated", "Đỗ Văn Tám", "CIVIL_SERVANT", x, "ACTIVE", "2025-06-01", "[]", "[]", plans8, "null");
        personnel(p9, "registered", "Hồ Thị Chín", "PUBLIC_EMPLOYEE", y, "ACTIVE", "2012-01-01", "[]", "[]", """
                [{"planId":"%s","titleCode":"PHO_TRUONG_PHONG","orgUnitCode":"%s","termStart":2025,"termEnd":2030,
                  "status":"ACTIVE"}]""".formatted(UUID.randomUUID(), y), "[]");
    }

    /** A personnel event in the full shape personnel-service publishes (and a few fields reporting ignores). */
    private void personnel(String id, String type, String name, String category, String unit, String status,
                           String effectiveOn, String quals, String ratings, String plans, String gaps) {
        add("personnel", id, "personnel." + type, """
                {"personnelId":"%s","fullName":"%s","gender":"FEMALE","ethnicity":"Kinh","dateOfBirth":"1985-02-03",
                 "category":"%s","orgUnitCode":"%s","jobPositionCode":"CV-TONG-HOP","titleCode":null,
                 "rankCode":"SPECIALIST","managementTier":null,"startedServiceOn":"2010-01-01","status":"%s",
                 "leftOn":null,"leftReason":null,"effectiveOn":"%s","qualifications":%s,"ratings":%s,
                 "plannedTitles":%s,"planGaps":%s,"photoUrl":null}"""
                .formatted(id, name, category, unit, status, effectiveOn, quals, ratings, plans, gaps));
    }

    private void commitmentsAndPlans(String e1, String e3, String e6) {
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
        // p2 (A): running until 2030; p5 (C): served out and fulfilled; p1 (A): released on retirement
        commitment(UUID.randomUUID().toString(), UUID.randomUUID().toString(), p2, "2022-01-01", "2030-01-01",
                7_000_000, "started", "ACTIVE");
        String c4 = UUID.randomUUID().toString();
        String e4 = UUID.randomUUID().toString();
        commitment(c4, e4, p5, "2022-06-01", "2023-06-01", 1_000_000, "started", "ACTIVE");
        commitment(c4, e4, p5, "2022-06-01", "2023-06-01", 1_000_000, "fulfilled", "FULFILLED");
        String c5 = UUID.randomUUID().toString();
        commitment(c5, e1, p1, "2023-01-01", "2031-01-01", 4_000_000, "started", "ACTIVE");
        commitment(c5, e1, p1, "2023-01-01", "2031-01-01", 4_000_000, "released", "RELEASED");
        // p3 failed e3: repayment in full, no commitment
        add("enrolment", e3, "repayment.decided", """
                {"caseId":"%s","commitmentId":null,"enrolmentId":"%s","personnelId":"%s","amountVnd":10000000,
                 "status":"DECIDED","decisionNumber":"14/QĐ-UBND","decidedOn":"2021-08-10","reason":"FAILED"}"""
                .formatted(UUID.randomUUID(), e3, p3));
        // px never reached reporting's personnel topic; their enrolment (in B, 2023) did
        String ex = UUID.randomUUID().toString();
        enrolment(ex, px, k2, "STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", "CONCENTRATED", "DOMESTIC", "2023-03-01",
                "2023-04-15", b, "CIVIL_SERVANT", "COMPLETED", "FIT", "STATE_BUDGET", 3_000_000, 40, "2023-04-15",
                "completed");
        commitment(UUID.randomUUID().toString(), ex, px, "2023-05-01", "2029-05-01", 3_000_000, "started", "ACTIVE");
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
                "registered", "[{\"qualificationId\":\"%s-1\",\"kind\":\"IT\",\"level\":\"BASIC\",\"awardedOn\":\"2010-01-01\",\"source\":\"MANUAL\"}]"
                        .formatted(pm));
        enrolment(UUID.randomUUID().toString(), pm, k1, "DIGITAL_SKILLS", "BASIC", "ONLINE", "DOMESTIC",
                "2030-01-01", "2030-01-02", markerUnit, "CIVIL_SERVANT", "COMPLETED", "FIT", "UNIT", 0, 0, "2030-01-02",
                "completed");
        all.addAll(events);
        events.clear();
        events.addAll(saved);
        produce(all);
    }

    private static void produce(List<ProducerRecord<String, String>> records) {
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(records.stream().map(r -> new ProducerRecord<>(r.topic(), r.partition(),
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

    private void commitment(String id, String enrolment, String person, String starts, String ends, long cost,
                            String type, String status) {
        add("enrolment", enrolment, "commitment." + type, """
                {"commitmentId":"%s","enrolmentId":"%s","personnelId":"%s","startsOn":"%s","endsOn":"%s",
                 "months":12,"costVnd":%d,"status":"%s","closedOn":null,"closedReason":null}"""
                .formatted(id, enrolment, person, starts, ends, cost, status));
    }

    private void trainingClass(String id, String category, String level, String mode, String location, String start,
                               String end) {
        trainingClass(id, category, level, mode, location, start, end, "COMPLETED");
    }

    private void trainingClass(String id, String category, String level, String mode, String location, String start,
                               String end, String status) {
        add("course", id, "COMPLETED".equals(status) ? "class.completed" : "class.opened", """
                {"classId":"%s","code":"L-%s","program":{"programId":"%s","name":"Chương trình %s","category":"%s",
                 "level":"%s","periods":40,"deliveryMode":"%s"},"organisingUnitCode":"%s","location":"%s",
                 "startDate":"%s","endDate":"%s","costPerLearnerVnd":10000000,"status":"%s"}"""
                .formatted(id, s, UUID.randomUUID(), category, category, level, mode, root, location, start, end,
                        status));
    }

    private void enrolment(String id, String person, String classId, String category, String level, String mode,
                           String location, String start, String end, String unit, String staffCategory,
                           String status, String fit, String source, long cost, int periods, String completedOn,
                           String type) {
        enrolment(id, person, classId, category, level, mode, location, start, end, unit, staffCategory, status, fit,
                source, cost, periods, completedOn, type, "\"exams\":[]");
    }

    /** An enrolment event; {@code more} holds further members (exams, reason, withdrawnOn, grantsLevel). */
    private void enrolment(String id, String person, String classId, String category, String level, String mode,
                           String location, String start, String end, String unit, String staffCategory,
                           String status, String fit, String source, long cost, int periods, String completedOn,
                           String type, String more) {
        add("enrolment", id, "enrolment." + type, """
                {"enrolmentId":"%s","personnelId":"%s","classId":"%s","programId":"%s","category":"%s","level":"%s",
                 "deliveryMode":"%s","location":"%s","startDate":"%s","endDate":"%s","nominatingUnitCode":"%s",
                 "personOrgUnitCode":"%s","personCategory":"%s","status":"%s","fit":{"assessment":"%s","reasons":[]},
                 "fundingSource":"%s","fundingAmountVnd":%d,"costVnd":%d,"periodsAttended":%d,
                 "completedOn":%s,"grade":%s,%s}"""
                .formatted(id, person, classId, UUID.randomUUID(), category, level, mode, location, start, end, unit,
                        unit, staffCategory, status, fit, source, cost, cost, periods, json(completedOn),
                        json(excellent.contains(id) ? "EXCELLENT" : null), more));
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
        EventContract.published().assertValid(record);
        events.add(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
