package vn.gov.training.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data of enrolment-service: for the demo classes, nominations of suitable demo people (mostly FIT, a few
 * WARN or MISFIT with a justification), approvals, and for completed classes the results (mostly good, fair or
 * excellent, a few failed or withdrawn) so that reports show something true. Commitments follow by themselves from
 * completed state-funded postgraduate, overseas or long classes.
 *
 * <p>People and classes come from personnel-service and course-service; enrolment-service learns them from
 * events, so the loader first waits until its local copies have caught up. Rerunning changes nothing: a class's
 * nominations carry an Idempotency-Key, a class that already has learners gets no more, and only NOMINATED
 * enrolments are approved and only approved ones get results.
 */
final class EnrolmentDemo implements DemoStep {

    private static final Duration COPIES_DEADLINE = Duration.ofMinutes(3);
    private static final int LEARNERS_PER_CLASS = 12;
    /** Classes loaded side by side; a class's own calls go one after another. */
    private static final int CLASSES_AT_ONCE = 4;
    private static final int MISFITS_PER_CLASS = 1;
    /** Candidates per dry run for many ({@code /assess/bulk}). */
    private static final int ASSESSED_AT_ONCE = 48;
    private static final List<String> GRADES = List.of("GOOD", "FAIR", "GOOD", "EXCELLENT", "GOOD", "FAIR",
            "GOOD", "AVERAGE", "EXCELLENT", "FAIR");

    @Override
    public String name() {
        return "enrolment";
    }

    @Override
    public void load(DemoApi api) {
        String personnel = api.url("PERSONNEL_URL");
        String course = api.url("COURSE_URL");
        String enrolment = api.url("ENROLMENT_URL");

        List<JsonNode> classes = all(api, course + "/api/classes?").stream()
                .filter(c -> Set.of("OPEN", "IN_PROGRESS", "COMPLETED").contains(c.path("status").asText()))
                .sorted(Comparator.comparing(c -> c.path("code").asText()))
                .toList();
        List<JsonNode> people = all(api, personnel + "/api/personnel?status=ACTIVE&").stream()
                .sorted(Comparator.comparing(p -> p.path("id").asText()))
                .toList();
        if (classes.isEmpty() || people.isEmpty()) {
            System.out.printf("Demo data: enrolment skipped (%d classes, %d people found)%n", classes.size(),
                    people.size());
            return;
        }
        long started = System.nanoTime();
        awaitCopies(api, enrolment, classes, people);
        System.out.printf("Demo data:   enrolment-service's copies of people and classes awaited %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        started = System.nanoTime();
        List<Integer> indexes = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            indexes.add(c);
        }
        // classes side by side: each class's nominations, approvals and results are its own
        List<int[]> loaded = api.inParallel(indexes, CLASSES_AT_ONCE, c -> {
            JsonNode cls = classes.get(c);
            int nominated = nominate(api, enrolment, cls, people, c);
            approve(api, enrolment, cls);
            int completed = "COMPLETED".equals(cls.path("status").asText()) ? results(api, enrolment, cls) : 0;
            return new int[] {nominated, completed};
        });
        System.out.printf("Demo data:   nominations, approvals and results in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        System.out.printf("Demo data: enrolment: %d nominations, %d results over %d classes%n",
                loaded.stream().mapToInt(n -> n[0]).sum(), loaded.stream().mapToInt(n -> n[1]).sum(), classes.size());
    }

    /** Every item of a paged list ({@code items, page, size, total}). */
    private static List<JsonNode> all(DemoApi api, String urlWithQuery) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            DemoApi.Reply reply = api.require(api.get(urlWithQuery + "size=200&page=" + page), "list " + urlWithQuery);
            JsonNode body = reply.body();
            JsonNode list = body.has("items") ? body.path("items") : body;
            list.forEach(items::add);
            if (list.size() < 200 || items.size() >= body.path("total").asLong(Long.MAX_VALUE)) {
                break;
            }
        }
        return items;
    }

    /**
     * Polls enrolment-service's copies until each class and person has arrived, with a deadline: all that are
     * still missing side by side, then again after a pause.
     */
    private static void awaitCopies(DemoApi api, String enrolment, List<JsonNode> classes, List<JsonNode> people) {
        long deadline = System.nanoTime() + COPIES_DEADLINE.toNanos();
        List<String> pending = new ArrayList<>();
        classes.forEach(c -> pending.add("/api/class-copy/" + c.path("id").asText() + "|" + c.path("status").asText()));
        people.forEach(p -> pending.add("/api/person-copy/" + p.path("id").asText() + "|" + p.path("status").asText()));
        while (true) {
            List<Boolean> arrived = api.inParallel(pending, PersonnelDemo.THREADS, item -> {
                String[] next = item.split("\\|");
                DemoApi.Reply reply = api.get(enrolment + next[0]);
                return reply.ok() && next[1].equals(reply.body().path("status").asText());
            });
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                if (!arrived.get(i)) {
                    missing.add(pending.get(i));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("enrolment-service has not caught up with " + missing.size()
                        + " people and classes within " + COPIES_DEADLINE + " (first: " + missing.get(0) + ")");
            }
            pending.clear();
            pending.addAll(missing);
            pause();
        }
    }

    private static int nominate(DemoApi api, String enrolment, JsonNode cls, List<JsonNode> people, int classIndex) {
        String classId = cls.path("id").asText();
        Set<String> enrolled = new HashSet<>();
        all(api, enrolment + "/api/enrolments?classId=" + classId + "&").forEach(e -> enrolled.add(e.path("personnelId").asText()));
        if (!enrolled.isEmpty()) {
            // nominated by an earlier run: a rerun would pick other people (levels and fit have moved on since)
            return 0;
        }
        int wanted = Math.min(LEARNERS_PER_CLASS, Math.max(1, cls.path("capacity").asInt(LEARNERS_PER_CLASS)));
        boolean historical = !"OPEN".equals(cls.path("status").asText())
                || !cls.path("openForRegistration").asBoolean(true);
        // candidates in a class-dependent rotation, so that classes get different people
        int offset = (classIndex * 7) % people.size();
        // the first wanted × 3 eligible people in that rotation, assessed a batch at a time (the dry run for many)
        Map<String, String> fits = new LinkedHashMap<>();
        for (int from = 0; from < people.size() && fits.size() < wanted * 3; from += ASSESSED_AT_ONCE) {
            List<String> candidates = new ArrayList<>();
            for (int i = from; i < Math.min(from + ASSESSED_AT_ONCE, people.size()); i++) {
                candidates.add(people.get((offset + i) % people.size()).path("id").asText());
            }
            DemoApi.Reply assessed = api.require(api.post(enrolment + "/api/enrolments/assess/bulk", Map.of(
                    "classId", classId, "historical", historical, "personnelIds", candidates)),
                    "assessment for " + cls.path("code").asText());
            for (JsonNode row : assessed.body().path("results")) {
                if (fits.size() < wanted * 3 && row.path("eligible").asBoolean()) {
                    fits.put(row.path("personnelId").asText(), row.path("fit").path("assessment").asText());
                }
            }
        }
        List<String> chosen = new ArrayList<>();
        fits.forEach((id, fit) -> {
            if (!"MISFIT".equals(fit) && chosen.size() < wanted - enrolled.size() - MISFITS_PER_CLASS) {
                chosen.add(id);
            }
        });
        fits.entrySet().stream().filter(e -> "MISFIT".equals(e.getValue())).limit(MISFITS_PER_CLASS)
                .forEach(e -> chosen.add(e.getKey()));
        if (chosen.isEmpty()) {
            return 0;
        }
        // the nominations in one call, each saved on its own; a refused row (422) is left out
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String personnelId : chosen) {
            Map<String, Object> row = new HashMap<>();
            row.put("personnelId", personnelId);
            row.put("classId", classId);
            row.put("decisionNumber", (100 + classIndex) + "/QĐ-SNV");
            row.put("decisionDate", cls.path("registrationOpensOn").asText(null));
            row.put("historical", historical);
            if ("MISFIT".equals(fits.get(personnelId))) {
                row.put("justification", "Đơn vị cử đi học để chuẩn bị luân chuyển, bố trí vị trí việc làm mới");
            }
            rows.add(row);
        }
        DemoApi.Reply nominated = api.require(api.post(enrolment + "/api/enrolments/bulk", Map.of("rows", rows),
                "demo-enrolment-" + classId), "nominations to " + cls.path("code").asText());
        for (JsonNode row : nominated.body().path("results")) {
            int status = row.path("status").asInt();
            if (status != 201 && status != 422) {
                throw new IllegalStateException("nomination to " + cls.path("code").asText() + " answered " + status
                        + ": " + row.path("code").asText());
            }
        }
        return nominated.body().path("created").asInt();
    }

    /** The class's nominations approved in one call (seats first, then the waitlist). */
    private static void approve(DemoApi api, String enrolment, JsonNode cls) {
        List<String> nominated = all(api, enrolment + "/api/enrolments?status=NOMINATED&classId="
                + cls.path("id").asText() + "&").stream().map(e -> e.path("id").asText()).toList();
        if (!nominated.isEmpty()) {
            api.require(api.post(enrolment + "/api/class-enrolments/" + cls.path("id").asText() + "/approvals",
                    Map.of("enrolmentIds", nominated)), "approvals in " + cls.path("code").asText());
        }
    }

    /** Results of a completed class: mostly good, fair or excellent; every twelfth failed, another withdrawn. */
    private static int results(DemoApi api, String enrolment, JsonNode cls) {
        List<JsonNode> learners = new ArrayList<>(all(api, enrolment + "/api/enrolments?status=APPROVED&classId="
                + cls.path("id").asText() + "&"));
        if (learners.isEmpty()) {
            return 0;
        }
        learners.sort(Comparator.comparing(e -> e.path("personnelId").asText()));
        String endDate = cls.path("endDate").asText(null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("enrolmentId", learners.get(i).path("id").asText());
            row.put("date", endDate);
            if (i % 12 == 5) {
                row.put("outcome", "FAILED");
                row.put("reason", "Không đạt sát hạch đầu ra");
            } else if (i % 12 == 11) {
                row.put("outcome", "WITHDRAWN");
                row.put("reason", "Xin thôi học vì lý do sức khỏe");
            } else {
                row.put("outcome", "COMPLETED");
                row.put("grade", GRADES.get(i % GRADES.size()));
                row.put("credentialNumber", cls.path("code").asText() + "-" + String.format("%03d", i + 1) + "-"
                        + learners.get(i).path("id").asText().substring(0, 4).toUpperCase());
                row.put("credentialIssuedOn", endDate);
            }
            rows.add(row);
        }
        DemoApi.Reply reply = api.require(api.post(enrolment + "/api/class-enrolments/"
                + URLEncoder.encode(cls.path("id").asText(), StandardCharsets.UTF_8) + "/results",
                Map.of("rows", rows)), "results of " + cls.path("code").asText());
        int saved = 0;
        for (JsonNode result : reply.body()) {
            if (result.path("status").asInt() == 200) {
                saved++;
            }
        }
        return saved;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
