package vn.gov.training.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data of personnel-service: Hậu Giang province as it was before the 2025 reform (the province, its
 * departments, the Political School, Vị Thanh city with its wards and communes, Châu Thành district with its
 * towns and communes), a few job positions with standards, about four hundred staff with Vietnamese names, valid
 * national IDs (province code 093 of Hậu Giang, gender/century digit and year of birth consistent), levels with
 * their history, yearly ratings, and a few succession plans.
 *
 * <p>Everything is generated from fixed seeds and fixed dates (not today), so that two runs produce the same
 * records. Units and job positions are looked up by code first; staff, then their levels, then their yearly ratings
 * go in as three CSV files through personnel-service's imports, which leave what is already there unchanged (a
 * rerun reports every row unchanged); succession plans are compared with what the person already has and only the
 * missing ones are written.
 */
final class PersonnelDemo implements DemoStep {

    /** Hậu Giang province was established on 1 January 2004 (Resolution 22/2003/QH11). */
    static final LocalDate FOUNDED = LocalDate.of(2004, 1, 1);
    /** Ages are counted at this date, not today, so the generated people do not change from one day to the next. */
    private static final int REFERENCE_YEAR = 2026;
    /** Levels awarded after this date are left out (they would be in the future early in the reference year). */
    private static final LocalDate LAST_AWARD = LocalDate.of(2025, 6, 30);
    private static final String PROVINCE_CODE = "093";
    /** Calls in flight at once (people, units of one level, ...): the services share two cores, more do not help. */
    static final int THREADS = 12;

    record Unit(String code, String name, String kind, String parent) {
    }

    /** A post to fill: title, rank, staff category, management tier, job position, age range and its profile. */
    private record Slot(Profile profile, String title, String rank, String category, String tier,
                        String jobPosition, int minAge, int maxAge) {
    }

    private enum Profile { TOP_LEADER, DEPUTY_LEADER, DIVISION_HEAD, DIVISION_DEPUTY, SPECIALIST, OFFICER,
        LECTURER, PROFESSIONAL, COMMUNE_LEADER, COMMUNE_STAFF }

    record Person(int index, String nationalId, String fullName, LocalDate dateOfBirth, boolean female,
                  String ethnicity, String category, String unit, String jobPosition, String title, String rank,
                  String tier, LocalDate startedServiceOn, String email, String phone, Profile profile) {
    }

    record Level(String kind, String level, LocalDate awardedOn, String institution, String credentialNumber) {
    }

    record Plan(String titleCode, String unit, int termStart, int termEnd, String decisionNumber,
                LocalDate decisionDate, String removedReason) {
    }

    private static final String TIER = "PROVINCIAL_STANDING_COMMITTEE";

    private static final List<String> FAMILY = List.of("Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê",
            "Lê", "Phạm", "Huỳnh", "Huỳnh", "Võ", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương",
            "Lâm", "Đoàn", "Châu", "Lý", "Tô", "Mai", "Cao", "Quách", "Thái", "Đinh", "Hà");
    private static final List<String> KHMER_FAMILY = List.of("Thạch", "Danh", "Sơn", "Kim", "Lâm");
    private static final List<String> MALE_MIDDLE = List.of("Văn", "Văn", "Văn", "Hữu", "Minh", "Quốc", "Thanh",
            "Hoàng", "Công", "Đức", "Tấn", "Chí", "Trung", "Phước", "Thành", "Ngọc");
    private static final List<String> FEMALE_MIDDLE = List.of("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh",
            "Mỹ", "Kim", "Bích", "Hồng", "Thùy", "Diễm", "Phương", "Minh");
    private static final List<String> MALE_GIVEN = List.of("Hùng", "Dũng", "Tuấn", "Phong", "Long", "Khang",
            "Tài", "Nghĩa", "Trung", "Hiếu", "Phúc", "Lộc", "Thành", "Tâm", "Hải", "Sơn", "Vinh", "Toàn", "Quang",
            "Bảo", "Nhân", "Thắng", "Duy", "Khoa", "Đạt", "Hậu", "Tín", "Lợi", "Thiện", "Trí", "Cường", "Hòa",
            "Nam", "Tùng", "Minh", "Kiệt", "Triều", "Vũ", "Phát", "Sang");
    private static final List<String> FEMALE_GIVEN = List.of("Lan", "Hương", "Hồng", "Mai", "Trang", "Thảo", "Linh",
            "Ngân", "Phương", "Yến", "Nhung", "Thủy", "Hạnh", "Diễm", "Tuyết", "Loan", "Vân", "Hà", "Nga", "Trinh",
            "Xuân", "Hiền", "Oanh", "Quyên", "Tiên", "Khánh", "Ngọc", "Như", "Duyên", "Châu", "Hằng", "Thư",
            "Huyền", "Giang", "My", "Nhi");

    private static final List<String> DEPARTMENTS = List.of(
            "HG.VPUBND|Văn phòng Ủy ban nhân dân tỉnh",
            "HG.SNV|Sở Nội vụ",
            "HG.STC|Sở Tài chính",
            "HG.SKHDT|Sở Kế hoạch và Đầu tư",
            "HG.SGDDT|Sở Giáo dục và Đào tạo",
            "HG.SYT|Sở Y tế",
            "HG.STNMT|Sở Tài nguyên và Môi trường",
            "HG.SNNPTNT|Sở Nông nghiệp và Phát triển nông thôn",
            "HG.SXD|Sở Xây dựng",
            "HG.STP|Sở Tư pháp",
            "HG.SCT|Sở Công Thương",
            "HG.STTTT|Sở Thông tin và Truyền thông",
            "HG.TTR|Thanh tra tỉnh");

    private static final List<String> VI_THANH = List.of("HG.VT.P1|Phường I", "HG.VT.P3|Phường III",
            "HG.VT.P4|Phường IV", "HG.VT.P5|Phường V", "HG.VT.P7|Phường VII", "HG.VT.HL|Xã Hỏa Lựu",
            "HG.VT.HT|Xã Hỏa Tiến", "HG.VT.TT|Xã Tân Tiến", "HG.VT.VTA|Xã Vị Tân");
    private static final List<String> CHAU_THANH = List.of("HG.CT.NS|Thị trấn Ngã Sáu", "HG.CT.MD|Thị trấn Mái Dầm",
            "HG.CT.DT|Xã Đông Thạnh", "HG.CT.DP|Xã Đông Phước", "HG.CT.DPA|Xã Đông Phước A", "HG.CT.PH|Xã Phú Hữu",
            "HG.CT.PT|Xã Phú Tân");

    /** Job positions (vị trí việc làm) common to every unit: code, name, and the standards they carry. */
    private static final List<String[]> JOB_POSITIONS = List.of(
            new String[] {"VTVL-TCCB", "Chuyên viên về tổ chức cán bộ", "EDUCATION:BACHELOR", "STATE_MANAGEMENT:SPECIALIST"},
            new String[] {"VTVL-KHTC", "Chuyên viên về kế hoạch, tài chính", "EDUCATION:BACHELOR"},
            new String[] {"VTVL-TTPC", "Chuyên viên thanh tra, pháp chế", "EDUCATION:BACHELOR", "STATE_MANAGEMENT:SPECIALIST"},
            new String[] {"VTVL-CNTT", "Chuyên viên công nghệ thông tin, chuyển đổi số", "EDUCATION:BACHELOR", "IT:ADVANCED"},
            new String[] {"VTVL-VTLT", "Văn thư, lưu trữ"},
            new String[] {"VTVL-QLCN", "Chuyên viên quản lý chuyên ngành", "EDUCATION:BACHELOR"},
            new String[] {"VTVL-GV", "Giảng viên lý luận chính trị", "EDUCATION:MASTER", "POLITICAL_THEORY:ADVANCED"},
            new String[] {"VTVL-CCX", "Công chức cấp xã (văn phòng, tư pháp, địa chính, văn hóa – xã hội)",
                "EDUCATION:BACHELOR", "POLITICAL_THEORY:ELEMENTARY"});
    private static final List<String> SPECIALIST_POSITIONS = List.of("VTVL-TCCB", "VTVL-KHTC", "VTVL-TTPC",
            "VTVL-CNTT", "VTVL-QLCN", "VTVL-QLCN");

    private DemoApi api;
    private String base;

    @Override
    public String name() {
        return "personnel";
    }

    @Override
    public void load(DemoApi api) {
        this.api = api;
        this.base = api.url("PERSONNEL_URL") + "/api";
        long started = System.nanoTime();
        List<Unit> units = units();
        // a unit's parent before the unit: the province, then departments and districts, then communes, each level
        // side by side
        int createdUnits = 0;
        Set<String> done = new HashSet<>();
        List<Unit> left = new ArrayList<>(units);
        while (!left.isEmpty()) {
            List<Unit> level = left.stream().filter(u -> u.parent() == null || done.contains(u.parent())).toList();
            if (level.isEmpty()) {
                throw new IllegalStateException("units without a parent in the list: " + left);
            }
            createdUnits += (int) api.inParallel(level, THREADS, this::unit).stream().filter(b -> b).count();
            level.forEach(u -> done.add(u.code()));
            left.removeAll(level);
        }
        jobPositions();
        lap("units and job positions", started);
        List<Person> people = people();
        started = System.nanoTime();
        JsonNode job = importStaff(people);
        Map<String, String> ids = personnelIds(people);
        lap("staff list import", started);
        // everyone's levels and yearly ratings as two files through the imports (one event per person each)
        started = System.nanoTime();
        JsonNode levels = importFile("qualification-imports", "trinh-do-hau-giang.csv", levelsCsv(people), "levels");
        lap("levels import", started);
        started = System.nanoTime();
        JsonNode ratings = importFile("rating-imports", "xep-loai-hau-giang.csv", ratingsCsv(people), "ratings");
        lap("ratings import", started);
        // the few succession plans one by one; people side by side
        started = System.nanoTime();
        AtomicInteger plans = new AtomicInteger();
        api.inParallel(people, THREADS, person -> plans.addAndGet(plans(ids.get(person.nationalId()),
                plans(person))));
        lap("succession plans", started);
        System.out.printf("Demo data: personnel: %d units (%d new), %d staff (%d new, %d updated, %d unchanged), "
                        + "%d new levels, %d new ratings, %d new succession plans%n", units.size(), createdUnits,
                people.size(), job.path("created").asInt(), job.path("updated").asInt(), job.path("unchanged").asInt(),
                levels.path("created").asInt(), ratings.path("created").asInt() + ratings.path("updated").asInt(),
                plans.get());
    }

    // ---------------------------------------------------------------- units and reference data

    static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        units.add(new Unit("HG", "Tỉnh Hậu Giang", "PROVINCE", null));
        for (String d : DEPARTMENTS) {
            String[] parts = d.split("\\|");
            units.add(new Unit(parts[0], parts[1], "DEPARTMENT", "HG"));
        }
        units.add(new Unit("HG.BTCTU", "Ban Tổ chức Tỉnh ủy Hậu Giang", "PARTY_BODY", "HG"));
        units.add(new Unit("HG.TCT", "Trường Chính trị tỉnh Hậu Giang", "SCHOOL", "HG"));
        units.add(new Unit("HG.VT", "Thành phố Vị Thanh", "DISTRICT", "HG"));
        for (String c : VI_THANH) {
            String[] parts = c.split("\\|");
            units.add(new Unit(parts[0], parts[1], "COMMUNE", "HG.VT"));
        }
        units.add(new Unit("HG.CT", "Huyện Châu Thành", "DISTRICT", "HG"));
        for (String c : CHAU_THANH) {
            String[] parts = c.split("\\|");
            units.add(new Unit(parts[0], parts[1], "COMMUNE", "HG.CT"));
        }
        return units;
    }

    /** Creates the unit unless a unit with its code exists (in any version); true when created. */
    private boolean unit(Unit unit) {
        DemoApi.Reply found = api.get(base + "/org-units/" + encode(unit.code()));
        if (found.ok()) {
            return false;
        }
        if (found.status() != 404) {
            api.require(found, "org unit " + unit.code());
        }
        Map<String, Object> body = new HashMap<>();
        body.put("code", unit.code());
        body.put("name", unit.name());
        body.put("kind", unit.kind());
        body.put("parentCode", unit.parent());
        body.put("validFrom", FOUNDED.toString());
        DemoApi.Reply created = api.post(base + "/org-units", body);
        if (created.status() == 409) {
            return false; // created meanwhile by someone else
        }
        api.require(created, "org unit " + unit.code());
        return true;
    }

    private void jobPositions() {
        Map<String, String> existing = new HashMap<>();
        api.require(api.get(base + "/reference/job-positions"), "job positions").body()
                .forEach(j -> existing.put(j.path("code").asText(), j.path("name").asText()));
        api.inParallel(JOB_POSITIONS, THREADS, position -> {
            if (!position[1].equals(existing.get(position[0]))) {
                Map<String, Object> body = new HashMap<>();
                body.put("name", position[1]);
                body.put("orgUnitCode", null);
                api.require(api.put(base + "/reference/job-positions/" + position[0], body),
                        "job position " + position[0]);
            }
            JsonNode standards = api.require(api.get(base + "/reference/job-positions/" + position[0] + "/standards"),
                    "standards of " + position[0]).body();
            Set<String> held = new HashSet<>();
            standards.forEach(s -> held.add(s.path("kind").asText() + ":" + s.path("level").asText()));
            for (int i = 2; i < position.length; i++) {
                if (!held.contains(position[i])) {
                    String[] kl = position[i].split(":");
                    api.require(api.post(base + "/reference/job-positions/" + position[0] + "/standards",
                            Map.of("kind", kl[0], "level", kl[1], "validFrom", "2025-07-01")),
                            "standard of " + position[0]);
                }
            }
            return position[0];
        });
    }

    /** How long a part of the load took, on the loader's output. */
    static void lap(String what, long startedNanos) {
        System.out.printf("Demo data:   %s in %d ms%n", what, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    // ---------------------------------------------------------------- people

    private static List<Slot> departmentSlots(String unit) {
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(Profile.TOP_LEADER, "DEPARTMENT_DIRECTOR", "PRINCIPAL_SPECIALIST", "CIVIL_SERVANT", TIER,
                null, 50, 59));
        slots.add(new Slot(Profile.DEPUTY_LEADER, "DEPARTMENT_DEPUTY_DIRECTOR", "PRINCIPAL_SPECIALIST",
                "CIVIL_SERVANT", TIER, null, 44, 56));
        slots.add(new Slot(Profile.DEPUTY_LEADER, "DEPARTMENT_DEPUTY_DIRECTOR", "PRINCIPAL_SPECIALIST",
                "CIVIL_SERVANT", TIER, null, 42, 55));
        for (int i = 0; i < 3; i++) {
            slots.add(new Slot(Profile.DIVISION_HEAD, "DIVISION_HEAD", i == 0 ? "PRINCIPAL_SPECIALIST" : "SPECIALIST",
                    "CIVIL_SERVANT", null, SPECIALIST_POSITIONS.get(i), 38, 54));
            slots.add(new Slot(Profile.DIVISION_DEPUTY, "DIVISION_DEPUTY_HEAD", "SPECIALIST", "CIVIL_SERVANT", null,
                    SPECIALIST_POSITIONS.get(i + 1), 32, 50));
        }
        for (int i = 0; i < 5; i++) {
            slots.add(new Slot(Profile.SPECIALIST, null, "SPECIALIST", "CIVIL_SERVANT", null,
                    SPECIALIST_POSITIONS.get(i % SPECIALIST_POSITIONS.size()), 24, 52));
        }
        slots.add(new Slot(Profile.OFFICER, null, "OFFICER", "CIVIL_SERVANT", null, "VTVL-VTLT", 23, 50));
        if (unit.equals("HG.SGDDT")) {
            for (int i = 0; i < 4; i++) {
                slots.add(new Slot(Profile.PROFESSIONAL, null, i == 0 ? "TEACHER_II" : "TEACHER_III",
                        "PUBLIC_EMPLOYEE", null, "VTVL-QLCN", 26, 50));
            }
        }
        if (unit.equals("HG.SYT")) {
            for (int i = 0; i < 4; i++) {
                slots.add(new Slot(Profile.PROFESSIONAL, null, i == 0 ? "PRINCIPAL_DOCTOR" : "DOCTOR",
                        "PUBLIC_EMPLOYEE", null, "VTVL-QLCN", 28, 55));
            }
        }
        return slots;
    }

    private static List<Slot> districtSlots() {
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(Profile.TOP_LEADER, "DISTRICT_CHAIR", "PRINCIPAL_SPECIALIST", "CADRE", TIER, null, 46, 56));
        slots.add(new Slot(Profile.DEPUTY_LEADER, "DISTRICT_VICE_CHAIR", "PRINCIPAL_SPECIALIST", "CADRE", TIER, null,
                40, 55));
        slots.add(new Slot(Profile.DEPUTY_LEADER, "DISTRICT_VICE_CHAIR", "SPECIALIST", "CADRE", TIER, null, 38, 52));
        for (int i = 0; i < 4; i++) {
            slots.add(new Slot(Profile.DIVISION_HEAD, "DIVISION_HEAD", "SPECIALIST", "CIVIL_SERVANT", null,
                    SPECIALIST_POSITIONS.get(i), 36, 54));
            slots.add(new Slot(Profile.DIVISION_DEPUTY, "DIVISION_DEPUTY_HEAD", "SPECIALIST", "CIVIL_SERVANT", null,
                    SPECIALIST_POSITIONS.get(i + 1), 30, 50));
        }
        for (int i = 0; i < 7; i++) {
            slots.add(new Slot(Profile.SPECIALIST, null, i < 5 ? "SPECIALIST" : "OFFICER", "CIVIL_SERVANT", null,
                    SPECIALIST_POSITIONS.get(i % SPECIALIST_POSITIONS.size()), 24, 50));
        }
        slots.add(new Slot(Profile.OFFICER, null, "OFFICER", "CIVIL_SERVANT", null, "VTVL-VTLT", 23, 48));
        return slots;
    }

    private static List<Slot> communeSlots() {
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(Profile.COMMUNE_LEADER, "COMMUNE_PARTY_SECRETARY", null, "CADRE", null, null, 38, 56));
        slots.add(new Slot(Profile.COMMUNE_LEADER, "COMMUNE_CHAIR", null, "CADRE", null, null, 35, 55));
        slots.add(new Slot(Profile.COMMUNE_LEADER, "COMMUNE_VICE_CHAIR", null, "CADRE", null, null, 30, 50));
        slots.add(new Slot(Profile.COMMUNE_STAFF, null, null, "CADRE", null, null, 26, 50));
        for (int i = 0; i < 5; i++) {
            slots.add(new Slot(Profile.COMMUNE_STAFF, null, i < 3 ? "SPECIALIST" : "OFFICER", "CIVIL_SERVANT", null,
                    "VTVL-CCX", 23, 50));
        }
        return slots;
    }

    private static List<Slot> schoolSlots() {
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(Profile.TOP_LEADER, "SCHOOL_PRINCIPAL", "SENIOR_SPECIALIST", "CIVIL_SERVANT", TIER, null,
                50, 58));
        slots.add(new Slot(Profile.DEPUTY_LEADER, "SCHOOL_VICE_PRINCIPAL", "PRINCIPAL_LECTURER", "PUBLIC_EMPLOYEE",
                null, "VTVL-GV", 42, 56));
        slots.add(new Slot(Profile.DEPUTY_LEADER, "SCHOOL_VICE_PRINCIPAL", "PRINCIPAL_LECTURER", "PUBLIC_EMPLOYEE",
                null, "VTVL-GV", 40, 55));
        for (int i = 0; i < 9; i++) {
            slots.add(new Slot(Profile.LECTURER, null, i < 3 ? "PRINCIPAL_LECTURER" : "LECTURER", "PUBLIC_EMPLOYEE",
                    null, "VTVL-GV", 27, 55));
        }
        slots.add(new Slot(Profile.SPECIALIST, null, "SPECIALIST", "CIVIL_SERVANT", null, "VTVL-TCCB", 28, 45));
        slots.add(new Slot(Profile.OFFICER, null, "OFFICER", "CIVIL_SERVANT", null, "VTVL-VTLT", 25, 45));
        return slots;
    }

    private static List<Slot> provinceSlots() {
        return List.of(
                new Slot(Profile.TOP_LEADER, "PROVINCE_CHAIR", "SENIOR_SPECIALIST", "CADRE", TIER, null, 52, 58),
                new Slot(Profile.DEPUTY_LEADER, "PROVINCE_VICE_CHAIR", "SENIOR_SPECIALIST", "CADRE", TIER, null, 48, 57),
                new Slot(Profile.DEPUTY_LEADER, "PROVINCE_VICE_CHAIR", "PRINCIPAL_SPECIALIST", "CADRE", TIER, null, 45,
                        55),
                new Slot(Profile.DEPUTY_LEADER, "PROVINCE_VICE_CHAIR", "PRINCIPAL_SPECIALIST", "CADRE", TIER, null, 44,
                        54));
    }

    /** The staff of the demo province, always the same: unit by unit, post by post. */
    static List<Person> people() {
        Map<String, List<Slot>> staffing = new LinkedHashMap<>();
        staffing.put("HG", provinceSlots());
        for (String d : DEPARTMENTS) {
            String code = d.split("\\|")[0];
            staffing.put(code, departmentSlots(code));
        }
        staffing.put("HG.BTCTU", departmentSlots("HG.BTCTU"));
        staffing.put("HG.TCT", schoolSlots());
        staffing.put("HG.VT", districtSlots());
        VI_THANH.forEach(c -> staffing.put(c.split("\\|")[0], communeSlots()));
        staffing.put("HG.CT", districtSlots());
        CHAU_THANH.forEach(c -> staffing.put(c.split("\\|")[0], communeSlots()));
        List<Person> people = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        staffing.forEach((unit, slots) -> {
            for (Slot slot : slots) {
                people.add(person(people.size() + 1, unit, slot, emails));
            }
        });
        return people;
    }

    private static Person person(int index, String unit, Slot slot, Set<String> emails) {
        Random r = new Random(20040101L + 7919L * index);
        boolean leader = slot.profile() == Profile.TOP_LEADER || slot.profile() == Profile.DEPUTY_LEADER;
        boolean female = r.nextInt(100) < (leader ? 25 : 52);
        int ethnicityDraw = r.nextInt(100);
        String ethnicity = ethnicityDraw < 5 ? "Khmer" : ethnicityDraw < 7 ? "Hoa" : "Kinh";
        String family = "Khmer".equals(ethnicity) ? pick(r, KHMER_FAMILY)
                : "Hoa".equals(ethnicity) ? pick(r, List.of("Lâm", "Quách", "Trương", "Lý", "Huỳnh")) : pick(r, FAMILY);
        String middle = pick(r, female ? FEMALE_MIDDLE : MALE_MIDDLE);
        String given = pick(r, female ? FEMALE_GIVEN : MALE_GIVEN);
        if (middle.equals(given)) {
            middle = female ? "Thị" : "Văn";
        }
        String fullName = r.nextInt(100) < 18
                ? family + " " + middle + " " + pick(r, female ? FEMALE_GIVEN : MALE_GIVEN) + " " + given
                : family + " " + middle + " " + given;
        int age = slot.minAge() + r.nextInt(slot.maxAge() - slot.minAge() + 1);
        LocalDate dateOfBirth = LocalDate.of(REFERENCE_YEAR - age, 1 + r.nextInt(12), 1 + r.nextInt(28));
        String nationalId = nationalId(index, female, dateOfBirth);
        int startAge = slot.profile() == Profile.COMMUNE_STAFF || slot.profile() == Profile.OFFICER
                ? 21 + r.nextInt(4) : 22 + r.nextInt(4);
        LocalDate started = dateOfBirth.plusYears(startAge).withMonth(1 + r.nextInt(12)).withDayOfMonth(1);
        if (started.isAfter(LocalDate.of(2025, 9, 1))) {
            started = LocalDate.of(2025, 9, 1);
        }
        String local = ascii(given) + "." + initials(family + " " + middle);
        String email = local + "@haugiang.gov.vn";
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@haugiang.gov.vn";
        }
        String phone = "09" + (10 + r.nextInt(90)) + String.format("%06d", (index * 7907L + 123457L) % 1_000_000);
        return new Person(index, nationalId, fullName, dateOfBirth, female, ethnicity, slot.category(), unit,
                slot.jobPosition(), slot.title(), slot.rank(), slot.tier(), started, email, phone, slot.profile());
    }

    /**
     * A valid 12-digit personal identification number: 093 (Hậu Giang), the gender/century digit (0/1 for men and
     * women born in the 1900s, 2/3 from 2000), the last two digits of the year of birth, and six digits that are
     * distinct for every index (7919 is prime to 10^6, so the multiplication is a bijection).
     */
    static String nationalId(int index, boolean female, LocalDate dateOfBirth) {
        int year = dateOfBirth.getYear();
        int digit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
        long serial = (index * 7919L + 271_828L) % 1_000_000L;
        return PROVINCE_CODE + digit + String.format("%02d", year % 100) + String.format("%06d", serial);
    }

    // ---------------------------------------------------------------- staff list import

    private JsonNode importStaff(List<Person> people) {
        StringBuilder csv = new StringBuilder("Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Đối tượng,"
                + "Mã đơn vị,Mã vị trí việc làm,Mã chức danh,Mã ngạch,Diện quản lý,Ngày bắt đầu công tác,"
                + "Thư điện tử,Điện thoại\n");
        for (Person p : people) {
            csv.append(String.join(",", p.nationalId(), p.fullName(), p.dateOfBirth().toString(),
                    p.female() ? "Nữ" : "Nam", p.ethnicity(), switch (p.category()) {
                        case "CADRE" -> "Cán bộ";
                        case "CIVIL_SERVANT" -> "Công chức";
                        default -> "Viên chức";
                    }, p.unit(), nz(p.jobPosition()), nz(p.title()), nz(p.rank()), nz(p.tier()),
                    p.startedServiceOn().toString(), p.email(), p.phone())).append('\n');
        }
        return importFile("imports", "danh-sach-can-bo-hau-giang.csv", csv, "staff list");
    }

    /**
     * Uploads a CSV file to an import of personnel-service ({@code /api/personnel/<path>}, ALL_OR_NOTHING) and waits
     * for its job; fails unless every row went in (created, updated or unchanged).
     */
    private JsonNode importFile(String path, String fileName, CharSequence csv, String what) {
        String imports = base + "/personnel/" + path;
        JsonNode job = api.require(api.postBytes(imports + "?mode=ALL_OR_NOTHING&fileName=" + encode(fileName),
                "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)), what + " import").body();
        String id = job.path("id").asText();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while ("RUNNING".equals(job.path("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + what + " import " + id + " did not finish within 2 minutes");
            }
            pause(100);
            job = api.require(api.get(imports + "/" + id), what + " import job " + id).body();
        }
        if (!"COMPLETED".equals(job.path("status").asText()) || job.path("errorRows").asInt() > 0) {
            throw new IllegalStateException("the " + what + " import ended " + job.path("status").asText() + ": "
                    + job.path("errors"));
        }
        return job;
    }

    /** national ID → personnel id, read back from the list (admins see full national IDs). */
    private Map<String, String> personnelIds(List<Person> people) {
        Set<String> wanted = new HashSet<>();
        people.forEach(p -> wanted.add(p.nationalId()));
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ids.size() < wanted.size() && page < 1000; page++) {
            JsonNode body = api.require(api.get(base + "/personnel?size=200&sort=name&page=" + page), "staff list")
                    .body();
            for (JsonNode p : body.path("items")) {
                if (wanted.contains(p.path("nationalId").asText())) {
                    ids.put(p.path("nationalId").asText(), p.path("id").asText());
                }
            }
            if (body.path("items").size() < 200) {
                break;
            }
        }
        if (ids.size() < wanted.size()) {
            throw new IllegalStateException("only " + ids.size() + " of " + wanted.size()
                    + " imported staff are listed by personnel-service");
        }
        return ids;
    }

    // ---------------------------------------------------------------- levels, ratings, plans

    /** The person's levels with their history (e.g. intermediate political theory, later advanced). */
    static List<Level> levels(Person p) {
        Random r = new Random(1_000_003L * p.index() + 5);
        LocalDate born = p.dateOfBirth();
        List<Level> levels = new ArrayList<>();
        Profile profile = p.profile();
        boolean commune = profile == Profile.COMMUNE_LEADER || profile == Profile.COMMUNE_STAFF;
        // education
        boolean bachelor = !commune || r.nextInt(100) < 75;
        String university = pick(r, List.of("Trường Đại học Cần Thơ", "Trường Đại học Luật TP. Hồ Chí Minh",
                "Trường Đại học Kinh tế TP. Hồ Chí Minh", "Học viện Hành chính Quốc gia", "Trường Đại học Tây Đô",
                "Trường Đại học Sư phạm TP. Hồ Chí Minh", "Trường Đại học Y Dược Cần Thơ"));
        if (bachelor) {
            add(levels, "EDUCATION", "BACHELOR", born.plusYears(22).withMonth(7).withDayOfMonth(15), university,
                    "ĐH-" + (100000 + p.index()));
        } else {
            add(levels, "EDUCATION", "COLLEGE", born.plusYears(21).withMonth(7).withDayOfMonth(10),
                    "Trường Cao đẳng Cộng đồng Hậu Giang", "CĐ-" + (100000 + p.index()));
        }
        int masterChance = switch (profile) {
            case TOP_LEADER -> 60;
            case DEPUTY_LEADER, LECTURER -> 45;
            case DIVISION_HEAD -> 30;
            case DIVISION_DEPUTY, PROFESSIONAL -> 20;
            case SPECIALIST -> 12;
            default -> 0;
        };
        if (bachelor && r.nextInt(100) < masterChance) {
            add(levels, "EDUCATION", "MASTER", born.plusYears(30 + r.nextInt(8)).withMonth(12).withDayOfMonth(20),
                    pick(r, List.of("Trường Đại học Cần Thơ", "Học viện Hành chính Quốc gia",
                            "Học viện Chính trị quốc gia Hồ Chí Minh")), "ThS-" + (20000 + p.index()));
            if ((profile == Profile.LECTURER || profile == Profile.TOP_LEADER) && r.nextInt(100) < 15) {
                add(levels, "EDUCATION", "DOCTORATE", born.plusYears(40 + r.nextInt(5)).withMonth(6).withDayOfMonth(1),
                        "Học viện Chính trị quốc gia Hồ Chí Minh", "TS-" + (3000 + p.index()));
            }
        }
        // political theory: elementary, then intermediate, then advanced for leaders
        String politicalSchool = "Trường Chính trị tỉnh Hậu Giang";
        int politics = switch (profile) {
            case TOP_LEADER -> 3;
            case DEPUTY_LEADER -> r.nextInt(100) < 70 ? 3 : 2;
            case DIVISION_HEAD -> r.nextInt(100) < 20 ? 3 : 2;
            case DIVISION_DEPUTY -> r.nextInt(100) < 60 ? 2 : 1;
            case LECTURER -> r.nextInt(100) < 60 ? 3 : 2;
            case COMMUNE_LEADER -> 2;
            case SPECIALIST, COMMUNE_STAFF -> r.nextInt(100) < 20 ? 2 : r.nextInt(100) < 60 ? 1 : 0;
            case OFFICER, PROFESSIONAL -> r.nextInt(100) < 50 ? 1 : 0;
        };
        if (politics >= 1) {
            add(levels, "POLITICAL_THEORY", "ELEMENTARY", born.plusYears(26 + r.nextInt(3)).withMonth(5).withDayOfMonth(20),
                    "Trung tâm Chính trị " + (p.unit().startsWith("HG.CT") ? "huyện Châu Thành" : "thành phố Vị Thanh"),
                    "SC-" + (40000 + p.index()));
        }
        if (politics >= 2) {
            add(levels, "POLITICAL_THEORY", "INTERMEDIATE", born.plusYears(30 + r.nextInt(4)).withMonth(11)
                    .withDayOfMonth(25), politicalSchool, "TC-" + (50000 + p.index()));
        }
        if (politics >= 3) {
            add(levels, "POLITICAL_THEORY", "ADVANCED", born.plusYears(38 + r.nextInt(5)).withMonth(3).withDayOfMonth(30),
                    "Học viện Chính trị khu vực IV", "CC-" + (60000 + p.index()));
        }
        // state management by rank
        boolean civil = "CIVIL_SERVANT".equals(p.category()) || "CADRE".equals(p.category());
        if (civil && bachelor) {
            boolean principal = "PRINCIPAL_SPECIALIST".equals(p.rank()) || "SENIOR_SPECIALIST".equals(p.rank());
            if (principal || r.nextInt(100) < 70) {
                add(levels, "STATE_MANAGEMENT", "SPECIALIST", born.plusYears(27 + r.nextInt(3)).withMonth(9)
                        .withDayOfMonth(12), "Trường Chính trị tỉnh Hậu Giang", "QLNN-CV-" + (70000 + p.index()));
            }
            if (principal) {
                add(levels, "STATE_MANAGEMENT", "PRINCIPAL_SPECIALIST", born.plusYears(36 + r.nextInt(4)).withMonth(8)
                        .withDayOfMonth(5), "Học viện Hành chính Quốc gia", "QLNN-CVC-" + (80000 + p.index()));
            }
            if ("SENIOR_SPECIALIST".equals(p.rank())) {
                add(levels, "STATE_MANAGEMENT", "SENIOR_SPECIALIST", born.plusYears(45 + r.nextInt(3)).withMonth(10)
                        .withDayOfMonth(18), "Học viện Hành chính Quốc gia", "QLNN-CVCC-" + (90000 + p.index()));
            }
        }
        // defence and security, leadership, IT, foreign language
        String military = "Bộ Chỉ huy Quân sự tỉnh Hậu Giang";
        switch (profile) {
            case TOP_LEADER -> add(levels, "DEFENCE_SECURITY", "GROUP_2", born.plusYears(45).withMonth(10)
                    .withDayOfMonth(8), "Học viện Quốc phòng", "QP2-" + p.index());
            case DEPUTY_LEADER -> add(levels, "DEFENCE_SECURITY", "GROUP_3", born.plusYears(40).withMonth(6)
                    .withDayOfMonth(16), military, "QP3-" + p.index());
            case DIVISION_HEAD, COMMUNE_LEADER -> {
                if (r.nextInt(100) < 50) {
                    add(levels, "DEFENCE_SECURITY", "GROUP_3", born.plusYears(37).withMonth(6).withDayOfMonth(16),
                            military, "QP3-" + p.index());
                }
            }
            default -> {
                if (r.nextInt(100) < 30) {
                    add(levels, "DEFENCE_SECURITY", "GROUP_4", born.plusYears(29).withMonth(4).withDayOfMonth(22),
                            military, "QP4-" + p.index());
                }
            }
        }
        if (profile == Profile.TOP_LEADER || profile == Profile.DEPUTY_LEADER
                || profile == Profile.DIVISION_HEAD && r.nextInt(100) < 50) {
            add(levels, "LEADERSHIP", "DIVISION", born.plusYears(35 + r.nextInt(3)).withMonth(8).withDayOfMonth(30),
                    "Trường Chính trị tỉnh Hậu Giang", "LĐQL-P-" + p.index());
        }
        if (profile == Profile.TOP_LEADER) {
            add(levels, "LEADERSHIP", "DEPARTMENT", born.plusYears(44).withMonth(11).withDayOfMonth(2),
                    "Học viện Hành chính Quốc gia", "LĐQL-S-" + p.index());
        }
        if (r.nextInt(100) < 40) {
            add(levels, "IT", "BASIC", LocalDate.of(2015 + r.nextInt(6), 1 + r.nextInt(12), 10),
                    "Trung tâm Tin học – Ngoại ngữ tỉnh Hậu Giang", "UDCNTT-" + (10000 + p.index()));
        }
        if (bachelor && r.nextInt(100) < 35) {
            add(levels, "FOREIGN_LANGUAGE", r.nextInt(100) < 60 ? "A2" : "B1",
                    LocalDate.of(2012 + r.nextInt(10), 1 + r.nextInt(12), 5), "Trường Đại học Cần Thơ",
                    "NN-" + (30000 + p.index()));
        }
        return levels;
    }

    private static void add(List<Level> levels, String kind, String level, LocalDate awardedOn, String institution,
                            String credential) {
        if (!awardedOn.isAfter(LAST_AWARD)) {
            levels.add(new Level(kind, level, awardedOn, institution, credential));
        }
    }

    /** Everyone's levels as a levels import file, one level a row (a level drawn twice for a person, once). */
    private static StringBuilder levelsCsv(List<Person> people) {
        StringBuilder csv = new StringBuilder("Số định danh cá nhân,Loại trình độ,Trình độ,Ngày cấp,Cơ sở đào tạo,"
                + "Số văn bằng\n");
        Set<String> rows = new HashSet<>();
        for (Person p : people) {
            for (Level l : levels(p)) {
                if (rows.add(p.nationalId() + "|" + l.kind() + "|" + l.level() + "|" + l.awardedOn())) {
                    csv.append(String.join(",", p.nationalId(), l.kind(), l.level(), l.awardedOn().toString(),
                            csvCell(l.institution()), csvCell(l.credentialNumber()))).append('\n');
                }
            }
        }
        return csv;
    }

    /**
     * Yearly ratings of everyone outside the communes, 2023–2025 (also 2018–2019 for those young enough for
     * postgraduate study in 2020, whose eligibility looks two years back): mostly good, some excellent, a few lower.
     * The years between are drawn but not written, to keep the first load short.
     */
    static Map<Integer, String> ratings(Person p) {
        Map<Integer, String> ratings = new LinkedHashMap<>();
        if (p.profile() == Profile.COMMUNE_LEADER || p.profile() == Profile.COMMUNE_STAFF) {
            return ratings;
        }
        Random r = new Random(31L * p.index() + 2018);
        int from = p.dateOfBirth().getYear() >= 1980 ? 2018 : 2021;
        for (int year = Math.max(from, p.startedServiceOn().getYear() + 1); year <= 2025; year++) {
            int draw = r.nextInt(100);
            if (year <= 2019 || year >= 2023) {
                ratings.put(year, draw < 30 ? "EXCELLENT" : draw < 92 ? "GOOD" : "COMPLETED");
            }
        }
        return ratings;
    }

    /** Everyone's yearly ratings as a ratings import file, one person's year a row. */
    private static StringBuilder ratingsCsv(List<Person> people) {
        StringBuilder csv = new StringBuilder("Số định danh cá nhân,Năm,Xếp loại\n");
        for (Person p : people) {
            ratings(p).forEach((year, rating) -> csv.append(p.nationalId()).append(',').append(year).append(',')
                    .append(rating).append('\n'));
        }
        return csv;
    }

    /**
     * Succession plans for the 2025–2030 term: some deputy directors for director (or district chair), some division
     * heads for deputy director (or district vice-chair), some division deputies for head, some commune vice-chairs
     * for chair. A few plans are removed because the person did not attend the required political-theory course.
     */
    static List<Plan> plans(Person p) {
        String decision = "1268-QĐ/TU";
        LocalDate decided = LocalDate.of(2025, 3, 14);
        String title = switch (p.profile()) {
            case DEPUTY_LEADER -> p.index() % 2 == 1 ? null
                    : p.title().startsWith("DEPARTMENT") ? "DEPARTMENT_DIRECTOR"
                    : p.title().startsWith("DISTRICT") ? "DISTRICT_CHAIR" : null;
            case DIVISION_HEAD -> p.index() % 4 != 0 ? null
                    : p.unit().equals("HG.VT") || p.unit().equals("HG.CT") ? "DISTRICT_VICE_CHAIR"
                    : "DEPARTMENT_DEPUTY_DIRECTOR";
            case DIVISION_DEPUTY -> p.index() % 4 == 1 ? "DIVISION_HEAD" : null;
            case COMMUNE_LEADER -> "COMMUNE_VICE_CHAIR".equals(p.title()) && p.index() % 2 == 0 ? "COMMUNE_CHAIR"
                    : null;
            default -> null;
        };
        if (title == null) {
            return List.of();
        }
        String unit = p.unit();
        String removed = p.profile() == Profile.DIVISION_DEPUTY && p.index() % 20 == 5
                ? "Không tham gia học Trung cấp lý luận chính trị theo kế hoạch" : null;
        return List.of(new Plan(title, unit, 2025, 2030, decision, decided, removed));
    }

    private int plans(String id, List<Plan> plans) {
        if (plans.isEmpty()) {
            return 0;
        }
        JsonNode held = api.require(api.get(base + "/personnel/" + id + "/succession-plans"), "succession plans")
                .body();
        int written = 0;
        for (Plan plan : plans) {
            JsonNode existing = null;
            for (JsonNode h : held) {
                if (plan.titleCode().equals(h.path("titleCode").asText())
                        && plan.unit().equals(h.path("orgUnitCode").asText())
                        && plan.termStart() == h.path("termStart").asInt()) {
                    existing = h;
                }
            }
            if (existing == null) {
                Map<String, Object> body = new HashMap<>();
                body.put("titleCode", plan.titleCode());
                body.put("orgUnitCode", plan.unit());
                body.put("termStart", plan.termStart());
                body.put("termEnd", plan.termEnd());
                body.put("decisionNumber", plan.decisionNumber());
                body.put("decisionDate", plan.decisionDate().toString());
                existing = api.require(api.post(base + "/personnel/" + id + "/succession-plans", body),
                        "succession plan").body();
                written++;
            }
            if (plan.removedReason() != null && "ACTIVE".equals(existing.path("status").asText())) {
                api.require(api.patch(base + "/personnel/" + id + "/succession-plans/" + existing.path("id").asText(),
                        Map.of("status", "REMOVED", "reason", plan.removedReason())), "removing a succession plan");
            }
        }
        return written;
    }

    // ---------------------------------------------------------------- helpers

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A CSV cell: empty for null, quoted when it holds a comma or a quote. */
    private static String csvCell(String s) {
        return s == null ? "" : s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** "Nguyễn Văn" → "nv", "Đặng Thị" → "dt". */
    private static String initials(String names) {
        StringBuilder b = new StringBuilder();
        for (String part : names.split(" ")) {
            b.append(ascii(part).charAt(0));
        }
        return b.toString();
    }

    /** Lower-case ASCII of a Vietnamese word, đ as d. */
    static String ascii(String text) {
        String folded = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.toLowerCase();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
