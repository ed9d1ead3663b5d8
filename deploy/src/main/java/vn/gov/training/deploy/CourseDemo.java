package vn.gov.training.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data of course-service: the institutions that teach Hậu Giang's staff, a catalogue with every category,
 * classes from 2020 to 2027 (completed, in progress, open for registration today, planned, one cancelled) and the
 * annual plans. Everything is looked up by code first, and a class found behind its intended status is moved on,
 * so a rerun (or a run after a crash half-way) changes nothing else. Classes that must be current (in progress,
 * open) are dated relative to today; the past is fixed.
 */
final class CourseDemo implements DemoStep {

    private static final List<String> UNITS = List.of("HG", "HG.SNV", "HG.STC", "HG.SGDDT", "HG.VT", "HG.CT",
            "HG.TCT");
    private static final List<String> LIFE_CYCLE = List.of("PLANNED", "OPEN", "IN_PROGRESS", "COMPLETED");

    private record Program(String code, String name, String category, String level, Integer periods, Integer days,
                           String deliveryMode, String credential, String grantsKind, String grantsLevel,
                           int yearlyMinimumPeriods, Map<String, List<String>> targetGroups,
                           List<?> prerequisites, List<String> requiredRankCodes,
                           boolean postgraduate, boolean overseas, boolean publish, List<String> topics) {
    }

    private record Clazz(String code, String programCode, String institution, String unit, LocalDate start,
                         LocalDate end, LocalDate opens, LocalDate closes, int capacity, int minCapacity,
                         long cost, Map<String, Integer> funding, String venue, String country, String status,
                         String cancelReason) {
    }

    private DemoApi api;
    private String base;
    private final Map<String, String> programIds = new HashMap<>();
    private final Map<String, List<String>> topics = new HashMap<>();

    @Override
    public String name() {
        return "course";
    }

    @Override
    public void load(DemoApi api) {
        this.api = api;
        this.base = api.url("COURSE_URL") + "/api";
        awaitUnitCopy();
        institutions();
        LocalDate today = ProvinceDay.today();
        // programmes, then classes (of those programmes), then plans; within each, side by side (a class's steps
        // through its life cycle stay in order)
        List<Program> programs = programs();
        List<String> ids = api.inParallel(programs, PersonnelDemo.THREADS, this::program);
        for (int i = 0; i < programs.size(); i++) {
            programIds.put(programs.get(i).code(), ids.get(i));
            topics.put(programs.get(i).code(), programs.get(i).topics());
        }
        api.inParallel(classes(today), PersonnelDemo.THREADS, clazz -> {
            clazz(clazz);
            return clazz.code();
        });
        plans(today.getYear());
    }

    /** The units come from personnel-service's events; wait until course-service's copy has them. */
    private void awaitUnitCopy() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (String unit : UNITS) {
            while (!api.get(base + "/org-unit-copy/" + unit).ok()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("course-service has not received unit " + unit
                            + " from personnel-service's org-unit events within 2 minutes");
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void institutions() {
        api.inParallel(List.of(
                new String[] {"TCT-HG", "Trường Chính trị tỉnh Hậu Giang", "POLITICAL_SCHOOL", "VN"},
                new String[] {"HCMA", "Học viện Chính trị quốc gia Hồ Chí Minh", "ACADEMY", "VN"},
                new String[] {"HCMA-KV4", "Học viện Chính trị khu vực IV", "ACADEMY", "VN"},
                new String[] {"CTU", "Trường Đại học Cần Thơ", "UNIVERSITY", "VN"},
                new String[] {"BCHQS-HG", "Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "MILITARY", "VN"},
                new String[] {"NAPA", "Học viện Hành chính Quốc gia", "ACADEMY", "VN"},
                new String[] {"CSC-SG", "Học viện Công vụ Singapore (Civil Service College)", "FOREIGN", "SG"}),
                PersonnelDemo.THREADS, i -> {
                    institution(i[0], i[1], i[2], i[3]);
                    return i[0];
                });
    }

    private void institution(String code, String name, String kind, String country) {
        if (api.get(base + "/institutions/" + code).status() == 404) {
            api.require(api.post(base + "/institutions", Map.of("code", code, "name", name, "kind", kind,
                    "country", country)), "institution " + code);
        }
    }

    private static Map<String, List<String>> targets(List<String> categories, List<String> ranks,
                                                     List<String> titles, List<String> tiers, List<String> defence) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("categories", categories);
        groups.put("rankCodes", ranks);
        groups.put("titleCodes", titles);
        groups.put("jobPositionCodes", List.of());
        groups.put("managementTiers", tiers);
        groups.put("defenceGroups", defence);
        return groups;
    }

    private static Map<String, String> level(String kind, String level) {
        return Map.of("kind", kind, "level", level);
    }

    private static List<Program> programs() {
        List<String> civil = List.of("CADRE", "CIVIL_SERVANT");
        List<String> all = List.of("CADRE", "CIVIL_SERVANT", "PUBLIC_EMPLOYEE");
        List<String> none = List.of();
        List<String> leaders = List.of("DIVISION_HEAD", "DIVISION_DEPUTY_HEAD");
        return List.of(
                new Program("CCLLCT", "Cao cấp lý luận chính trị", "POLITICAL_THEORY", "ADVANCED", 1600, 240,
                        "PART_TIME", "DIPLOMA", "POLITICAL_THEORY", "ADVANCED", 40,
                        targets(civil, none, List.of("DEPARTMENT_DIRECTOR", "DEPARTMENT_DEPUTY_DIRECTOR",
                                "DIVISION_HEAD", "DISTRICT_CHAIR", "DISTRICT_VICE_CHAIR"), none, none),
                        List.of(level("EDUCATION", "BACHELOR"), level("POLITICAL_THEORY", "INTERMEDIATE")), none,
                        false, false, true, List.of("Triết học Mác – Lênin", "Kinh tế chính trị Mác – Lênin",
                        "Chủ nghĩa xã hội khoa học", "Tư tưởng Hồ Chí Minh", "Lịch sử Đảng Cộng sản Việt Nam")),
                new Program("TCLLCT", "Trung cấp lý luận chính trị", "POLITICAL_THEORY", "INTERMEDIATE", 1136, 160,
                        "PART_TIME", "DIPLOMA", "POLITICAL_THEORY", "INTERMEDIATE", 40,
                        targets(all, none, none, none, none),
                        List.of(level("EDUCATION", "BACHELOR"), level("POLITICAL_THEORY", "ELEMENTARY")), none,
                        false, false, true, List.of("Những vấn đề cơ bản của chủ nghĩa Mác – Lênin",
                        "Tư tưởng Hồ Chí Minh", "Đường lối, chính sách của Đảng và Nhà nước",
                        "Kỹ năng lãnh đạo, quản lý ở cơ sở", "Thực tiễn và kinh nghiệm địa phương")),
                new Program("SCLLCT", "Sơ cấp lý luận chính trị", "POLITICAL_THEORY", "ELEMENTARY", 280, 40,
                        "CONCENTRATED", "CERTIFICATE", "POLITICAL_THEORY", "ELEMENTARY", 40,
                        targets(all, none, none, none, none), none, none, false, false, true,
                        List.of("Một số vấn đề cơ bản về chủ nghĩa Mác – Lênin", "Xây dựng Đảng ở cơ sở",
                                "Công tác dân vận")),
                new Program("QLNN-CVC", "Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên chính",
                        "STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", 320, 40, "CONCENTRATED", "CERTIFICATE",
                        "STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", 40,
                        targets(List.of("CIVIL_SERVANT", "PUBLIC_EMPLOYEE"), List.of("SPECIALIST"), none, none, none),
                        List.of(level("EDUCATION", "BACHELOR"), level("STATE_MANAGEMENT", "SPECIALIST")),
                        List.of("SPECIALIST"), false, false, true,
                        List.of("Nhà nước pháp quyền xã hội chủ nghĩa", "Quản lý nhà nước về kinh tế",
                                "Kỹ năng hoạch định chính sách", "Đề án tốt nghiệp")),
                new Program("QLNN-CV", "Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên",
                        "STATE_MANAGEMENT", "SPECIALIST", 240, 30, "CONCENTRATED", "CERTIFICATE",
                        "STATE_MANAGEMENT", "SPECIALIST", 40,
                        targets(List.of("CIVIL_SERVANT", "PUBLIC_EMPLOYEE"), List.of("OFFICER", "SPECIALIST"), none,
                                none, none),
                        List.of(level("EDUCATION", "BACHELOR")), List.of("OFFICER", "SPECIALIST"), false, false, true,
                        List.of("Tổ chức bộ máy hành chính nhà nước", "Thủ tục hành chính và cải cách hành chính",
                                "Kỹ năng soạn thảo văn bản quản lý nhà nước")),
                new Program("LDQL-PHONG", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "LEADERSHIP", "DIVISION", 160,
                        20, "CONCENTRATED", "CERTIFICATE", "LEADERSHIP", "DIVISION", 40,
                        targets(civil, none, leaders, none, none), List.of(level("EDUCATION", "BACHELOR")), none,
                        false, false, true, List.of("Vai trò người lãnh đạo cấp phòng", "Kỹ năng điều hành công việc",
                        "Quản lý nhân sự và đánh giá công chức", "Kỹ năng giao tiếp công vụ")),
                new Program("QPAN-DT3", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3",
                        "DEFENCE_SECURITY", "GROUP_3", 96, 12, "CONCENTRATED", "CERTIFICATE", "DEFENCE_SECURITY",
                        "GROUP_3", 40, targets(civil, none, leaders, none, List.of("GROUP_3")), none, none, false,
                        false, true, List.of("Quan điểm của Đảng về quốc phòng, an ninh",
                        "Xây dựng nền quốc phòng toàn dân, thế trận an ninh nhân dân", "Diễn tập khu vực phòng thủ",
                        "Thực hành bắn súng")),
                new Program("QPAN-DT4", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4",
                        "DEFENCE_SECURITY", "GROUP_4", 40, 5, "CONCENTRATED", "CERTIFICATE", "DEFENCE_SECURITY",
                        "GROUP_4", 40, targets(all, none, none, none, List.of("GROUP_4")), none, none, false,
                        false, true, List.of("Chiến lược bảo vệ Tổ quốc trong tình hình mới",
                        "Phòng chống diễn biến hòa bình", "Công tác dân quân tự vệ")),
                new Program("CNKT-BTV", "Cập nhật kiến thức cho cán bộ diện Ban Thường vụ Tỉnh ủy quản lý",
                        "KNOWLEDGE_UPDATE", "GROUP_4", 40, 5, "CONCENTRATED", "ATTESTATION", null, null, 40,
                        targets(List.of("CADRE", "CIVIL_SERVANT"), none, none,
                                List.of("PROVINCIAL_STANDING_COMMITTEE"), none), none, none, false, false, true,
                        List.of("Tình hình thế giới, khu vực và trong nước", "Chuyển đổi số và kinh tế số",
                                "Nghị quyết Đại hội Đảng bộ tỉnh", "Sắp xếp tổ chức bộ máy chính quyền hai cấp")),
                new Program("CDS-CQNN", "Chuyển đổi số trong cơ quan nhà nước", "DIGITAL_SKILLS", "BASIC", 24, 3,
                        "ONLINE", "ATTESTATION", "IT", "BASIC", 24, targets(all, none, none, none, none), none, none,
                        false, false, true, List.of("Chính phủ số và dịch vụ công trực tuyến",
                        "An toàn thông tin khi làm việc số", "Khai thác dữ liệu dùng chung")),
                new Program("TA-B1", "Tiếng Anh B1 (khung năng lực ngoại ngữ 6 bậc)", "FOREIGN_LANGUAGE", "B1", 300,
                        null, "PART_TIME", "CERTIFICATE", "FOREIGN_LANGUAGE", "B1", 0,
                        targets(all, none, none, none, none), none, none, false, false, true,
                        List.of("Listening and speaking", "Reading and writing", "Mock test B1")),
                new Program("THS-QLC", "Thạc sĩ Quản lý công", "PROFESSIONAL", "MASTER", null, 720, "PART_TIME",
                        "DIPLOMA", "EDUCATION", "MASTER", 0,
                        targets(List.of("CIVIL_SERVANT", "PUBLIC_EMPLOYEE"), List.of("SPECIALIST",
                                "PRINCIPAL_SPECIALIST"), none, none, none),
                        List.of(level("EDUCATION", "BACHELOR")), none, true, false, true,
                        List.of("Lý thuyết quản lý công", "Phương pháp nghiên cứu khoa học", "Chính sách công")),
                new Program("CD-CTUBXA", "Bồi dưỡng theo chức danh Chủ tịch Ủy ban nhân dân xã, phường", "TITLE_BASED",
                        null, 80, 10, "CONCENTRATED", "CERTIFICATE", null, null, 40,
                        targets(List.of("CADRE"), none, List.of("COMMUNE_CHAIR", "COMMUNE_VICE_CHAIR"), none,
                                none), none, none, false, false, true,
                        List.of("Nhiệm vụ, quyền hạn của chính quyền cấp xã", "Quản lý đất đai, xây dựng ở cơ sở",
                                "Tiếp công dân, giải quyết khiếu nại, tố cáo")),
                new Program("NV-VTLT", "Bồi dưỡng nghiệp vụ văn thư, lưu trữ", "PROFESSIONAL", null, 56, 7,
                        "CONCENTRATED", "CERTIFICATE", null, null, 40, targets(all, none, none, none, none), none,
                        none, false, false, true, List.of("Quản lý văn bản đi, đến", "Lập hồ sơ điện tử",
                        "Nghiệp vụ lưu trữ")),
                new Program("LD-NN-SG", "Bồi dưỡng năng lực lãnh đạo, quản trị công tại Singapore", "LEADERSHIP",
                        "DEPARTMENT", 80, 10, "CONCENTRATED", "CERTIFICATE", null, null, 40,
                        targets(civil, none, List.of("DEPARTMENT_DIRECTOR", "DEPARTMENT_DEPUTY_DIRECTOR"), none,
                                none), none, none,
                        false, true, true, List.of("Quản trị công hiện đại", "Đô thị thông minh", "Khảo sát thực tế")),
                new Program("AI-CQNN", "Ứng dụng trí tuệ nhân tạo trong công việc hành chính", "DIGITAL_SKILLS",
                        "ADVANCED", 32, 4, "WORKSHOP", "ATTESTATION", null, null, 32,
                        targets(all, none, none, none, none), none, none, false, false, false,
                        List.of("Trợ lý ảo và soạn thảo văn bản", "Bảo mật dữ liệu khi dùng AI")));
    }

    /** Creates and publishes the programme unless it exists; returns its id. */
    private String program(Program p) {
        JsonNode found = api.require(api.get(base + "/programs?code=" + encode(p.code())), "programme " + p.code())
                .body();
        String id;
        String status;
        if (found.path("total").asLong() > 0) {
            id = found.path("items").get(0).path("id").asText();
            status = found.path("items").get(0).path("status").asText();
        } else {
            Map<String, Object> body = new HashMap<>();
            body.put("code", p.code());
            body.put("name", p.name());
            body.put("category", p.category());
            body.put("level", p.level());
            body.put("periods", p.periods());
            body.put("days", p.days());
            body.put("deliveryMode", p.deliveryMode());
            body.put("credential", p.credential());
            body.put("grantsLevel", p.grantsKind() == null ? null : level(p.grantsKind(), p.grantsLevel()));
            body.put("yearlyMinimumPeriods", p.yearlyMinimumPeriods());
            body.put("targetGroups", p.targetGroups());
            body.put("prerequisites", p.prerequisites());
            body.put("requiredRankCodes", p.requiredRankCodes());
            body.put("postgraduate", p.postgraduate());
            body.put("overseas", p.overseas());
            body.put("maxExitExamRetakes", 1);
            JsonNode created = api.require(api.post(base + "/programs", body, "demo-program-" + p.code()),
                    "programme " + p.code()).body();
            id = created.path("id").asText();
            status = created.path("status").asText();
        }
        if (p.publish() && "DRAFT".equals(status)) {
            api.require(api.post(base + "/programs/" + id + "/publish", Map.of()), "publishing " + p.code());
        }
        return id;
    }

    private static Map<String, Integer> budget() {
        return Map.of("STATE_BUDGET", 100);
    }

    private static List<Clazz> classes(LocalDate today) {
        String tct = "Hội trường Trường Chính trị tỉnh Hậu Giang, số 1 Trần Hưng Đạo, phường Vị Thanh";
        String bchqs = "Trung tâm huấn luyện Bộ Chỉ huy Quân sự tỉnh Hậu Giang";
        String napa = "Phân viện Học viện Hành chính Quốc gia tại TP. Hồ Chí Minh";
        String kv4 = "Học viện Chính trị khu vực IV, quận Ninh Kiều, TP. Cần Thơ";
        String ctu = "Khu II Trường Đại học Cần Thơ, đường 3/2, TP. Cần Thơ";
        String online = "Trực tuyến (hệ thống học tập trực tuyến của tỉnh)";
        List<Clazz> classes = new ArrayList<>();
        // completed, in the past
        classes.add(new Clazz("TCLLCT-2020-K01", "TCLLCT", "TCT-HG", "HG", LocalDate.of(2020, 3, 2),
                LocalDate.of(2020, 12, 25), LocalDate.of(2020, 1, 6), LocalDate.of(2020, 2, 21), 80, 40, 12_000_000,
                budget(), tct, "VN", "COMPLETED", null));
        classes.add(new Clazz("THS-QLC-2020-NAPA", "THS-QLC", "NAPA", "HG.SNV", LocalDate.of(2020, 10, 10),
                LocalDate.of(2022, 10, 8), LocalDate.of(2020, 7, 1), LocalDate.of(2020, 9, 15), 40, 15, 48_000_000,
                Map.of("STATE_BUDGET", 50, "SELF", 50), napa, "VN", "COMPLETED", null));
        classes.add(new Clazz("TCLLCT-2021-VT", "TCLLCT", "TCT-HG", "HG.VT", LocalDate.of(2021, 3, 1),
                LocalDate.of(2021, 11, 30), LocalDate.of(2021, 1, 4), LocalDate.of(2021, 2, 19), 60, 30, 12_500_000,
                Map.of("STATE_BUDGET", 70, "UNIT", 30), tct, "VN", "COMPLETED", null));
        classes.add(new Clazz("CCLLCT-2021-K05", "CCLLCT", "HCMA-KV4", "HG", LocalDate.of(2021, 4, 5),
                LocalDate.of(2022, 3, 31), LocalDate.of(2021, 1, 11), LocalDate.of(2021, 3, 19), 60, 30, 25_000_000,
                budget(), kv4, "VN", "COMPLETED", null));
        classes.add(new Clazz("QLNN-CVC-2022-K01", "QLNN-CVC", "NAPA", "HG.SNV", LocalDate.of(2022, 5, 9),
                LocalDate.of(2022, 7, 1), LocalDate.of(2022, 3, 1), LocalDate.of(2022, 4, 22), 65, 30, 6_500_000,
                budget(), napa, "VN", "COMPLETED", null));
        classes.add(new Clazz("QPAN-DT3-2023-K01", "QPAN-DT3", "BCHQS-HG", "HG", LocalDate.of(2023, 6, 5),
                LocalDate.of(2023, 6, 16), LocalDate.of(2023, 4, 3), LocalDate.of(2023, 5, 26), 70, 30, 4_200_000,
                budget(), bchqs, "VN", "COMPLETED", null));
        classes.add(new Clazz("TA-B1-2024-CTU", "TA-B1", "CTU", "HG.SGDDT", LocalDate.of(2024, 3, 2),
                LocalDate.of(2024, 7, 27), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 2, 23), 45, 20, 7_500_000,
                Map.of("SELF", 100), ctu, "VN", "COMPLETED", null));
        classes.add(new Clazz("LDQL-PHONG-2024-K01", "LDQL-PHONG", "TCT-HG", "HG.SNV", LocalDate.of(2024, 8, 5),
                LocalDate.of(2024, 8, 30), LocalDate.of(2024, 6, 3), LocalDate.of(2024, 7, 26), 60, 25, 5_800_000,
                budget(), tct, "VN", "COMPLETED", null));
        classes.add(new Clazz("LD-NN-SG-2025", "LD-NN-SG", "CSC-SG", "HG.SNV", LocalDate.of(2025, 4, 14),
                LocalDate.of(2025, 4, 23), LocalDate.of(2025, 2, 3), LocalDate.of(2025, 3, 14), 20, 10, 85_000_000,
                Map.of("STATE_BUDGET", 80, "SPONSOR", 20), "Civil Service College, 31 North Buona Vista Road",
                "SG", "COMPLETED", null));
        classes.add(new Clazz("CNKT-BTV-2025-K01", "CNKT-BTV", "TCT-HG", "HG", LocalDate.of(2025, 9, 15),
                LocalDate.of(2025, 9, 19), LocalDate.of(2025, 8, 4), LocalDate.of(2025, 9, 5), 110, 50, 3_500_000,
                budget(), tct, "VN", "COMPLETED", null));
        classes.add(new Clazz("CDS-CQNN-2025-K02", "CDS-CQNN", "TCT-HG", "HG.STC", LocalDate.of(2025, 10, 20),
                LocalDate.of(2025, 10, 22), LocalDate.of(2025, 9, 22), LocalDate.of(2025, 10, 15), 200, 30,
                3_500_000, budget(), online, "VN", "COMPLETED", null));
        // in progress now
        classes.add(new Clazz("TCLLCT-2026-K15", "TCLLCT", "TCT-HG", "HG", LocalDate.of(2026, 3, 2),
                max(LocalDate.of(2026, 12, 18), today.plusDays(20)), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 2, 20), 80, 40, 13_000_000, Map.of("STATE_BUDGET", 70, "UNIT", 30), tct, "VN",
                "IN_PROGRESS", null));
        classes.add(new Clazz("QLNN-CV-2026-K03", "QLNN-CV", "TCT-HG", "HG.SNV", today.minusDays(10),
                today.plusDays(25), today.minusDays(60), today.minusDays(14), 70, 30, 4_800_000, budget(), tct, "VN",
                "IN_PROGRESS", null));
        classes.add(new Clazz("QPAN-DT4-2026-VT", "QPAN-DT4", "BCHQS-HG", "HG.VT", today.minusDays(2),
                today.plusDays(3), today.minusDays(40), today.minusDays(7), 90, 30, 3_500_000, budget(), bchqs, "VN",
                "IN_PROGRESS", null));
        // open for registration today
        classes.add(new Clazz("QLNN-CVC-2026-K02", "QLNN-CVC", "NAPA", "HG.SNV", today.plusDays(20),
                today.plusDays(76), today.minusDays(15), today.plusDays(15), 65, 30, 6_800_000, budget(), napa, "VN",
                "OPEN", null));
        classes.add(new Clazz("LDQL-PHONG-2026-K03", "LDQL-PHONG", "TCT-HG", "HG.SNV", today.plusDays(14),
                today.plusDays(40), today.minusDays(10), today.plusDays(10), 60, 25, 5_900_000, budget(), tct, "VN",
                "OPEN", null));
        classes.add(new Clazz("CDS-CQNN-2026-K05", "CDS-CQNN", "TCT-HG", "HG", today.plusDays(7), today.plusDays(9),
                today.minusDays(7), today.plusDays(5), 250, 30, 3_500_000, budget(), online, "VN", "OPEN", null));
        classes.add(new Clazz("SCLLCT-2026-CT", "SCLLCT", "TCT-HG", "HG.CT", today.plusDays(21), today.plusDays(60),
                today.minusDays(5), today.plusDays(18), 70, 30, 3_800_000, Map.of("STATE_BUDGET", 60, "UNIT", 40),
                tct, "VN", "OPEN", null));
        classes.add(new Clazz("CD-CTUBXA-2026-K01", "CD-CTUBXA", "TCT-HG", "HG", today.plusDays(10),
                today.plusDays(20), today.minusDays(12), today.plusDays(7), 60, 20, 4_500_000, budget(), tct, "VN",
                "OPEN", null));
        classes.add(new Clazz("TA-B1-2027-CTU", "TA-B1", "CTU", "HG.SGDDT", today.plusDays(35), today.plusDays(155),
                today.minusDays(20), today.plusDays(30), 45, 20, 7_800_000, Map.of("SELF", 50, "UNIT", 50), ctu,
                "VN", "OPEN", null));
        classes.add(new Clazz("CCLLCT-2027-K07", "CCLLCT", "HCMA-KV4", "HG", today.plusDays(45), today.plusDays(400),
                today.minusDays(25), today.plusDays(35), 60, 30, 25_000_000, budget(), kv4, "VN", "OPEN", null));
        // planned, and one cancelled
        classes.add(new Clazz("QPAN-DT3-2027-K01", "QPAN-DT3", "BCHQS-HG", "HG", LocalDate.of(2027, 3, 8),
                LocalDate.of(2027, 3, 19), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 26), 70, 30, 4_500_000,
                budget(), bchqs, "VN", "PLANNED", null));
        classes.add(new Clazz("CNKT-BTV-2026-K02", "CNKT-BTV", "TCT-HG", "HG", LocalDate.of(2026, 10, 12),
                LocalDate.of(2026, 10, 16), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 2), 110, 50, 3_500_000,
                budget(), tct, "VN", "CANCELLED",
                "Trùng lịch Hội nghị Ban Chấp hành Đảng bộ tỉnh; chuyển sang quý I năm 2027"));
        return classes;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Creates the class unless it exists, then moves it on to its intended status. */
    private void clazz(Clazz c) {
        JsonNode found = api.require(api.get(base + "/classes?code=" + encode(c.code())), "class " + c.code()).body();
        String id;
        String status;
        if (found.path("total").asLong() > 0) {
            id = found.path("items").get(0).path("id").asText();
            status = found.path("items").get(0).path("status").asText();
        } else {
            JsonNode created = api.require(api.post(base + "/classes", classBody(c), "demo-class-" + c.code()),
                    "class " + c.code()).body();
            id = created.path("id").asText();
            status = created.path("status").asText();
        }
        if ("CANCELLED".equals(c.status())) {
            if (!"CANCELLED".equals(status)) {
                api.require(api.post(base + "/classes/" + id + "/cancel", Map.of("reason", c.cancelReason())),
                        "cancelling " + c.code());
            }
            return;
        }
        List<String> actions = List.of("open", "start", "complete");
        int at = LIFE_CYCLE.indexOf(status);
        int target = LIFE_CYCLE.indexOf(c.status());
        for (int step = at; step >= 0 && step < target; step++) {
            api.require(api.post(base + "/classes/" + id + "/" + actions.get(step), Map.of()),
                    actions.get(step) + " " + c.code());
        }
    }

    private Map<String, Object> classBody(Clazz c) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", c.code());
        body.put("programId", programIds.get(c.programCode()));
        body.put("institutionCode", c.institution());
        body.put("organisingUnitCode", c.unit());
        body.put("location", "VN".equals(c.country()) ? "DOMESTIC" : "OVERSEAS");
        body.put("country", c.country());
        body.put("venue", c.venue());
        body.put("startDate", c.start().toString());
        body.put("endDate", c.end().toString());
        body.put("capacity", c.capacity());
        body.put("minCapacity", c.minCapacity());
        body.put("registrationOpensOn", c.opens().toString());
        body.put("registrationClosesOn", c.closes().toString());
        body.put("costPerLearnerVnd", c.cost());
        body.put("funding", c.funding().entrySet().stream()
                .map(e -> Map.of("source", e.getKey(), "percent", e.getValue())).toList());
        body.put("sessions", sessions(c));
        return body;
    }

    /** Morning and afternoon sessions on the first working days (all of a short class, the opening week of a long one). */
    private List<Map<String, Object>> sessions(Clazz c) {
        List<String> subjects = topics.get(c.programCode());
        List<String> lecturers = List.of("TS. Nguyễn Văn Thành", "ThS. Trần Thị Mỹ Linh", "PGS.TS. Lê Quốc Hùng",
                "ThS. Phạm Ngọc Ánh", "Đại tá Võ Minh Tâm");
        List<Map<String, Object>> sessions = new ArrayList<>();
        LocalDate day = c.start();
        int index = 0;
        while (!day.isAfter(c.end()) && sessions.size() < 10) {
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                sessions.add(session(day, "07:30", "11:00", subjects.get(index % subjects.size()),
                        lecturers.get(index % lecturers.size())));
                index++;
                sessions.add(session(day, "13:30", "17:00", subjects.get(index % subjects.size()),
                        lecturers.get(index % lecturers.size())));
                index++;
            }
            day = day.plusDays(1);
        }
        return sessions;
    }

    private static Map<String, Object> session(LocalDate day, String start, String end, String topic,
                                               String lecturer) {
        return Map.of("date", day.toString(), "startTime", start, "endTime", end, "topic", topic,
                "lecturer", lecturer);
    }

    private void plans(int year) {
        plan(year, "HG", true, List.of(
                item("POLITICAL_THEORY", "ADVANCED", 1, 60), item("POLITICAL_THEORY", "INTERMEDIATE", 4, 280),
                item("STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", 2, 130), item("LEADERSHIP", "DIVISION", 3, 180),
                item("KNOWLEDGE_UPDATE", "GROUP_4", 2, 220), item("DEFENCE_SECURITY", "GROUP_3", 1, 70),
                item("DIGITAL_SKILLS", null, 4, 800), item("TITLE_BASED", null, 6, 420)));
        plan(year + 1, "HG.SNV", false, List.of(
                item("STATE_MANAGEMENT", "SPECIALIST", 2, 140), item("LEADERSHIP", "DIVISION", 1, 60),
                item("DIGITAL_SKILLS", "ADVANCED", 1, 40)));
    }

    private static Map<String, Object> item(String category, String level, int classes, int learners) {
        Map<String, Object> item = new HashMap<>();
        item.put("category", category);
        item.put("level", level);
        item.put("plannedClasses", classes);
        item.put("targetLearners", learners);
        return item;
    }

    private void plan(int year, String unit, boolean approve, List<Map<String, Object>> items) {
        JsonNode found = api.require(api.get(base + "/plans?year=" + year + "&unit=" + encode(unit)),
                "plan " + year + " " + unit).body();
        String id;
        String status;
        if (found.path("total").asLong() > 0) {
            id = found.path("items").get(0).path("id").asText();
            status = found.path("items").get(0).path("status").asText();
        } else {
            JsonNode created = api.require(api.post(base + "/plans", Map.of("year", year, "orgUnitCode", unit,
                    "items", items, "note", "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm " + year),
                    "demo-plan-" + year + "-" + unit), "plan " + year + " " + unit).body();
            id = created.path("id").asText();
            status = created.path("status").asText();
        }
        if (approve && "DRAFT".equals(status)) {
            api.require(api.post(base + "/plans/" + id + "/approve", Map.of()), "approving plan " + year + " " + unit);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
