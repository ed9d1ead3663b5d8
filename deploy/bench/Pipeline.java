import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event-pipeline benchmark (issue 14), run by {@code deploy/bench/pipeline}: imports S staff through the
 * gateway, then T historical training turns, waits until every read model agrees with its source and prints rows/s,
 * time to agreement, CPU per 1,000 events per component and this machine's raw limits for the same payloads.
 */
public class Pipeline {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build(); // plain HTTP: no h2c upgrade
    static final int FILE_ROWS = 50_000; // ~8 MB of CSV, under the gateway's 20 MB body limit
    static final int CLASS_SIZE = 40;
    static final LocalDate FIRST_CLASS = LocalDate.of(2006, 1, 1);
    static final int CLASS_DAYS = 19 * 365;

    final String gateway = env("GATEWAY_URL", null);
    final String keycloak = env("KEYCLOAK_URL", null);
    final String postgres = env("POSTGRES_URL", null);
    final String kafka = env("KAFKA_BOOTSTRAP", null);
    final String superUser = env("POSTGRES_SUPERUSER", "postgres");
    final String superPassword = env("POSTGRES_SUPERPASSWORD", "postgres");
    final String password = env("DEMO_PASSWORD", "Demo@2026");
    final Path runDir = Path.of(env("STACK_HOME", null), "run");
    final int staff = Integer.parseInt(env("S", "20000"));
    final int turns = Integer.parseInt(env("T", "0"));
    final Duration patience = Duration.ofSeconds(Long.parseLong(env("BENCH_TIMEOUT", "1800")));
    final int latencySeconds = Integer.parseInt(env("L", "30"));
    final int latencyRate = Integer.parseInt(env("R", "100"));
    final int reportRuns = Integer.parseInt(env("REPORT_RUNS", "10"));
    final List<String> report = new ArrayList<>();
    final Map<String, Connection> pollers = new LinkedHashMap<>();
    final List<Long> pollerPids = new ArrayList<>();
    /** Makes this run's credential numbers its own: a second run on the same stack imports new turns. */
    final String runId = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase();
    final String keycloakAdminPassword = env("KEYCLOAK_ADMIN_PASSWORD", password);
    /** Access tokens by user name, with the time each was issued. */
    final Map<String, Token> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    record Token(String value, long issued) {
    }

    public static void main(String[] args) throws Exception {
        new Pipeline().run();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        if ((value == null || value.isBlank()) && fallback == null) {
            throw new IllegalStateException(name + " is not set (run through deploy/bench/pipeline)");
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    void run() throws Exception {
        String started = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        line("pipeline benchmark %s UTC, %d cores, load %s, S=%d T=%d", started.substring(0, 19),
                Runtime.getRuntime().availableProcessors(), load(), staff, turns);
        line("machine: %s", cpuSpeed());
        String unit = unit();
        Counts before = counts();
        line("before: %s", before);
        Map<String, Double> cpu0 = cpu();

        // stage 1: staff
        Counts staffAgreed = before;
        Map<String, Double> cpu1 = cpu0;
        int imported = 0;
        double importS = 0;
        double staffE2e = 0;
        if (staff > 0) {
            long t0 = System.nanoTime();
            imported = importStaff(unit);
            importS = seconds(t0);
            int rows = imported;
            // agreement on what changed: a stack that ran tests has copies of people its own database never held
            staffAgreed = awaitAgreement(before, c -> c.people() - before.people() >= rows
                    && c.personCopies() - before.personCopies() == c.people() - before.people()
                    && c.reportedPeople() - before.reportedPeople() == c.people() - before.people());
            double agreedS = seconds(t0);
            awaitSettled();
            staffE2e = seconds(t0);
            cpu1 = cpu();
            line("staff: %,d rows imported in %.1f s (%,.0f rows/s); every read model agreed after %.1f s, the stack"
                            + " settled after %.1f s (%,.0f events/s end to end)", imported, importS, imported / importS,
                    agreedS, staffE2e, imported / staffE2e);
            line("after staff: %s", staffAgreed);
            cpuReport("staff", imported, cpu0, cpu1);
        }

        // stage 2: historical turns
        double turnsE2e = 0;
        int turnRows = 0;
        if (turns > 0) {
            long t1 = System.nanoTime();
            Counts start = staffAgreed;
            turnRows = importTurns(start);
            if (turnRows > 0) {
                double turnImportS = seconds(t1);
                Counts turnsAgreed = awaitAgreement(start, c -> c.turns() > start.turns()
                        && c.reportedTurns() - start.reportedTurns() == c.turns() - start.turns());
                double agreedS = seconds(t1);
                awaitSettled();
                turnsE2e = seconds(t1);
                Map<String, Double> cpu2 = cpu();
                line("turns: %,d rows imported in %.1f s (%,.0f rows/s); reporting agreed after %.1f s, the stack"
                                + " settled after %.1f s (%,.0f turns/s end to end)", turnRows, turnImportS,
                        turnRows / turnImportS, agreedS, turnsE2e, turnRows / turnsE2e);
                line("after turns: %s", turnsAgreed);
                cpuReport("turns", turnRows, cpu1, cpu2);
            }
        }

        // stage 3: how soon a change is in the reports while writes go on in the background
        if (latencySeconds > 0 && latencyRate > 0) {
            latency(unit);
        }
        // stage 4: the reports on the read model this pipeline filled
        if (reportRuns > 0) {
            reports();
        }

        // the machine's limits for the same payloads
        if (imported > 0) {
            limits(imported, importS, staffE2e);
        }
        line("machine at the end: %s", cpuSpeed());
        line("load average at the end: %s", load());
        Path out = Path.of(env("BENCH_OUT", "/tmp/pipeline-bench.txt"));
        Files.write(out, report);
        System.out.println("(written to " + out + ")");
    }

    void limits(int imported, double importS, double staffE2e) throws Exception {
        int payload = averagePayload();
        int n = Math.max(20_000, Math.min(200_000, imported));
        double produce = kafkaProduce(n, payload);
        double consume = kafkaConsume(n);
        double copy = postgresCopy(n, payload);
        line("limits (%d-byte records, %,d of them): Kafka produce %,.0f/s, Kafka consume %,.0f/s, PostgreSQL COPY %,.0f"
                + " rows/s", payload, n, produce, consume, copy);
        double e2e = imported / staffE2e;
        line("ratios: staff import %.3f of COPY; end to end %.3f of Kafka produce, %.3f of Kafka consume, %.3f of COPY",
                (imported / importS) / copy, e2e / produce, e2e / consume, e2e / copy);
    }

    // ------------------------------------------------------------------------------------------------ stages

    String unit() throws Exception {
        String wanted = env("BENCH_UNIT", "BENCH");
        HttpResponse<String> found = get("/api/org-units/" + wanted);
        if (found.statusCode() == 200) {
            return wanted;
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/org-units"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"code":"%s","name":"Đơn vị đo hiệu năng","kind":"OTHER","validFrom":"2000-01-01"}"""
                        .formatted(wanted))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create unit " + wanted + ": " + created.statusCode() + " "
                    + created.body());
        }
        // the unit must be in every service's copy before people of it are imported
        awaitSql("unit copies", Duration.ofSeconds(120), () -> sqlLong("enrolment",
                "select count(*) from scope_unit where code = '" + wanted + "'") == 1);
        return wanted;
    }

    int importStaff(String unit) throws Exception {
        long seed = System.currentTimeMillis() / 1000 % 1_000_000;
        int done = 0;
        int file = 0;
        while (done < staff) {
            int rows = Math.min(FILE_ROWS, staff - done);
            StringBuilder csv = new StringBuilder("Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Đối tượng,"
                    + "Mã đơn vị,Mã vị trí việc làm,Mã chức danh,Mã ngạch,Diện quản lý,Ngày bắt đầu công tác,"
                    + "Thư điện tử,Điện thoại\n");
            Random r = new Random(seed + file);
            for (int i = done; i < done + rows; i++) {
                boolean female = i % 2 == 1;
                int year = 1965 + (i / 2) % 35;
                long serial = ((i / 70) * 7919L + seed * 13L) % 1_000_000L;
                String id = "093" + (female ? 1 : 0) + String.format("%02d", year % 100) + String.format("%06d", serial);
                LocalDate born = LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28));
                String name = (female ? "Nguyễn Thị " : "Trần Văn ") + GIVEN[r.nextInt(GIVEN.length)];
                csv.append(id).append(',').append(name).append(',').append(born).append(',')
                        .append(female ? "Nữ" : "Nam").append(",Kinh,").append(i % 3 == 0 ? "Công chức" : "Viên chức")
                        // a rank, as the national database requires of a civil servant's file
                        .append(',').append(unit).append(",,,").append(i % 3 == 0 ? "SPECIALIST" : "TEACHER_III")
                        .append(",,").append(born.plusYears(23)).append(",,\n");
            }
            HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/personnel/imports?mode=VALID_ROWS&fileName=" + enc("bench-" + file + ".csv")))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(csv.toString().getBytes(StandardCharsets.UTF_8))));
            if (posted.statusCode() != 202) {
                throw new IllegalStateException("staff import refused: " + posted.statusCode() + " " + posted.body());
            }
            JsonNode job = awaitJob("/api/personnel/imports/" + JSON.readTree(posted.body()).path("id").asText());
            line("  staff file %d: %s, %s created, %s updated, %s rejected", file, job.path("status").asText(),
                    job.path("created").asText(), job.path("updated").asText(), job.path("errorRows").asText());
            done += rows;
            file++;
        }
        return done;
    }

    /** Imports T turns for people of the benchmark through the historical import; returns how many were created (0 without the endpoint). */
    int importTurns(Counts counts) throws Exception {
        HttpResponse<String> template = get("/api/enrolments/imports/template?format=csv");
        if (template.statusCode() == 404) {
            line("turns: skipped, POST /api/enrolments/imports is not there (404)");
            return 0;
        }
        String program = env("BENCH_PROGRAM", "");
        if (program.isEmpty()) {
            JsonNode programs = JSON.readTree(get("/api/programs?size=1").body());
            JsonNode first = programs.has("items") ? programs.path("items").path(0) : programs.path(0);
            program = first.path("code").asText();
        }
        String institution = env("BENCH_INSTITUTION", "");
        if (institution.isEmpty()) {
            JsonNode institutions = JSON.readTree(get("/api/institutions").body());
            JsonNode first = institutions.has("items") ? institutions.path("items").path(0) : institutions.path(0);
            institution = first.path("code").asText();
        }
        if (program.isEmpty() || institution.isEmpty()) {
            line("turns: skipped, no programme or institution found (set BENCH_PROGRAM, BENCH_INSTITUTION)");
            return 0;
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = db("personnel"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select national_id from person order by created_at desc limit " + turns)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        DateTimeFormatter vn = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        int done = 0;
        int created = 0;
        int file = 0;
        while (done < turns) {
            int rows = Math.min(FILE_ROWS, turns - done);
            StringBuilder csv = new StringBuilder("Số định danh cá nhân,Mã chương trình,Loại chương trình,Trình độ,Mã lớp,"
                    + "Mã cơ sở đào tạo,Ngày bắt đầu,Ngày kết thúc,Kết quả,Xếp loại,Ngày hoàn thành,"
                    + "Số văn bằng/chứng chỉ,Kinh phí (VND),Nguồn kinh phí\n");
            for (int i = done; i < done + rows; i++) {
                // classes of CLASS_SIZE learners, as schools hold them: one class per start day from 2006 (19
                // years of days, then again with a longer class), one turn per person and class
                int cls = i / Math.min(CLASS_SIZE, ids.size());
                LocalDate start = FIRST_CLASS.plusDays(cls % CLASS_DAYS);
                LocalDate end = start.plusDays(20 + cls / CLASS_DAYS);
                csv.append(ids.get(i % ids.size())).append(',').append(program).append(",,,,").append(institution)
                        .append(',').append(start.format(vn)).append(',').append(end.format(vn))
                        .append(",COMPLETED,GOOD,").append(end.format(vn)).append(",BENCH-").append(runId)
                        .append('-').append(i)
                        .append(",1500000,STATE_BUDGET\n");
            }
            HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/enrolments/imports?mode=VALID_ROWS&fileName=" + enc("turns-" + file + ".csv")))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(csv.toString().getBytes(StandardCharsets.UTF_8))));
            if (posted.statusCode() == 404) {
                line("turns: skipped, POST /api/enrolments/imports answers 404");
                return 0;
            }
            if (posted.statusCode() != 202) {
                throw new IllegalStateException("turn import refused: " + posted.statusCode() + " " + posted.body());
            }
            String location = posted.headers().firstValue("Location").orElseThrow();
            JsonNode job = awaitJob(URI.create(location).getPath());
            line("  turns file %d: %s, %s created, %s unchanged, %s rejected", file, job.path("status").asText(),
                    job.path("created").asText(), job.path("unchanged").asText(), job.path("rejected").asText());
            if (job.path("rejected").asInt() > 0) {
                line("  first rejected row: %s", job.path("errors").path(0));
            }
            done += rows;
            created += job.path("created").asInt();
            if (job.path("created").asInt() == 0) {
                line("turns: no turn of file %d was created; the agreement on turns is not awaited", file);
                return created;
            }
            file++;
        }
        return created;
    }

    // ------------------------------------------------------------------------------------------------ latency

    /** A background write waiting to be seen in the read model. */
    record Probe(String marker, long sent, long acknowledged) {
    }

    /**
     * Stage 3: for L seconds, R writes a second through the gateway (PATCH of a person's full name, each to another
     * person of the benchmark's unit, as a unit officer's edits would come), and the time from each write's response
     * (its commit) until reporting's read model, which the reports read, holds the new name.
     */
    void latency(String unit) throws Exception {
        List<String> people = new ArrayList<>();
        try (Connection c = db("personnel"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select id::text from person where org_unit_code = '" + unit.replace("'", "")
                     + "' and status = 'ACTIVE' order by created_at desc limit " + (latencySeconds * latencyRate))) {
            while (rows.next()) {
                people.add(rows.getString(1));
            }
        }
        if (people.isEmpty()) {
            line("latency: skipped, no person in unit %s", unit);
            return;
        }
        String schema = sqlString("reporting", "select schema_name from report_generation where status = 'ACTIVE'");
        Map<String, Probe> pending = new java.util.concurrent.ConcurrentHashMap<>();
        List<Double> writeMs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> seenMs = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.concurrent.ScheduledExecutorService clock = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        List<String> officers = writers(Math.max(1, (latencyRate + 7) / 8));
        Map<String, Double> cpu0 = cpu();
        long t0 = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int n = started.getAndIncrement();
            if (n >= people.size()) {
                return;
            }
            writers.execute(() -> {
                String id = people.get(n);
                String marker = "Cán bộ đo trễ " + letters(System.currentTimeMillis() / 1000) + " " + letters(n);
                long sent = System.nanoTime();
                try {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/personnel/" + id))
                            .header("Content-Type", "application/json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString(
                                    JSON.createObjectNode().put("fullName", marker).toString())),
                            officers.get(n % officers.size()));
                    long acknowledged = System.nanoTime();
                    if (r.statusCode() == 200) {
                        writeMs.add((acknowledged - sent) / 1e6);
                        pending.put(id, new Probe(marker, sent, acknowledged));
                    } else if (failed.getAndIncrement() == 0) {
                        System.out.println("latency: a write answered " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }, 0, 1_000_000_000L / latencyRate, java.util.concurrent.TimeUnit.NANOSECONDS);
        int writes = Math.min(people.size(), latencySeconds * latencyRate);
        long deadline = t0 + Duration.ofSeconds(latencySeconds + 60L).toNanos();
        try (java.sql.PreparedStatement look = polling("reporting").prepareStatement(
                "select personnel_id::text, full_name from " + schema + ".person where personnel_id = any(?::uuid[])")) {
            while ((started.get() < writes || !pending.isEmpty() || seenMs.size() + failed.get() < writes)
                    && System.nanoTime() < deadline) {
                if (!pending.isEmpty()) {
                    look.setArray(1, look.getConnection().createArrayOf("varchar", pending.keySet().toArray()));
                    try (ResultSet rows = look.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            Probe probe = pending.get(rows.getString(1));
                            if (probe != null && probe.marker().equals(rows.getString(2))) {
                                seenMs.add((now - probe.acknowledged()) / 1e6);
                                pending.remove(rows.getString(1));
                            }
                        }
                    }
                }
                Thread.sleep(10); // the benchmark's poll of the read model: 10 ms of resolution
            }
        } finally {
            clock.shutdownNow();
            writers.shutdown();
            writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        double elapsed = seconds(t0);
        Map<String, Double> cpu1 = cpu();
        line("latency: %,d writes at %d/s for %d s from %d officers (PATCH of a person's name through the gateway, %d"
                        + " failed); a write answered in p50 %.0f / p95 %.0f ms", writes, latencyRate, latencySeconds,
                officers.size(), failed.get(),
                percentile(writeMs, 50), percentile(writeMs, 95));
        line("latency: in reporting's read model after the write's answer: p50 %.0f / p95 %.0f / max %.0f ms (%,d seen,"
                        + " %,d not within %d s)", percentile(seenMs, 50), percentile(seenMs, 95), percentile(seenMs, 100),
                seenMs.size(), pending.size(), latencySeconds + 60);
        cpuReport("latency", Math.max(1, seenMs.size()), cpu0, cpu1);
        line("latency: stage took %.1f s, load %s", elapsed, load());
    }

    /** A number in letters (a name holds only letters and spaces). */
    static String letters(long n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.reverse().toString();
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // ------------------------------------------------------------------------------------------------ reports

    /**
     * Stage 4: the reports, through the gateway as the province's administrator (the whole province), on the read model
     * the pipeline filled: one warm-up call, then REPORT_RUNS timed calls each.
     */
    void reports() throws Exception {
        int year = LocalDate.now().getYear();
        List<String> paths = List.of(
                "/api/reports/training-summary?from=2006-01-01&to=" + year + "-12-31",
                "/api/reports/training-summary?from=2006-01-01&to=" + year + "-12-31&staffCategory=CIVIL_SERVANT",
                "/api/reports/qualification-stock?at=" + year + "-06-30&compareTo=" + (year - 1) + "-06-30",
                "/api/reports/yearly-minimum?year=2006",
                "/api/reports/annual?year=2006",
                "/api/reports/fit?from=2006-01-01&to=" + year + "-12-31",
                "/api/reports/plan-vs-actual?year=" + year,
                "/api/reports/commitments",
                "/api/reports/succession-review");
        line("reports (through the gateway, whole province, %d runs each after a warm-up; p50 / p95 / max ms):",
                reportRuns);
        for (String path : paths) {
            HttpResponse<String> first = get(path);
            if (first.statusCode() != 200) {
                line("  %s: answered %d", path, first.statusCode());
                continue;
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < reportRuns; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = get(path);
                ms.add((System.nanoTime() - t) / 1e6);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode());
                }
            }
            line("  %-100s %7.1f %7.1f %7.1f", path, percentile(ms, 50), percentile(ms, 95), percentile(ms, 100));
        }
    }

    // ------------------------------------------------------------------------------------------------ agreement

    record Counts(long people, long personCopies, long reportedPeople, long turns, long reportedTurns) {
        @Override
        public String toString() {
            return "personnel %,d, enrolment person copies %,d, reporting staff %,d; enrolment turns %,d, reporting turns %,d"
                    .formatted(people, personCopies, reportedPeople, turns, reportedTurns);
        }
    }

    Counts counts() throws Exception {
        String schema = sqlString("reporting", "select schema_name from report_generation where status = 'ACTIVE'");
        long reportedPeople = schema == null ? 0 : sqlLong("reporting", "select count(*) from " + schema + ".person");
        long reportedTurns = schema == null ? 0 : sqlLong("reporting", "select count(*) from " + schema + ".enrolment");
        return new Counts(sqlLong("personnel", "select count(*) from person"),
                sqlLong("enrolment", "select count(*) from person_copy"), reportedPeople,
                sqlLong("enrolment", "select count(*) from enrolment"), reportedTurns);
    }

    Counts awaitAgreement(Counts from, java.util.function.Predicate<Counts> agreed) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long polled = System.nanoTime();
        Counts now = counts();
        while (!agreed.test(now)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no agreement within " + patience + ": " + now);
            }
            // a benchmark polls the read models (it is no test), every 500 ms or twenty times as long as a count
            // took: counting a million rows five times is PostgreSQL CPU the figures would otherwise include
            Thread.sleep(Math.max(500, 20 * (System.nanoTime() - polled) / 1_000_000));
            polled = System.nanoTime();
            now = counts();
        }
        return now;
    }

    /**
     * Waits until the stack has settled: every outbox is empty, every consumer group with members has read every
     * topic to its end and the national database has answered every delivery (but those of a person with a rejected
     * one, which wait for a correction). The agreement above looks at the read models the benchmark names; this also
     * covers what the events set off further (a completed turn's qualification in personnel, its personnel event in
     * the copies, the national deliveries of both), so that the stage's CPU includes that work.
     */
    void awaitSettled() throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", kafka))) {
            while (!settled(admin)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the stack did not settle within " + patience);
                }
                Thread.sleep(500); // a benchmark polls; it is no test
            }
        }
    }

    boolean settled(org.apache.kafka.clients.admin.Admin admin) throws Exception {
        for (String database : List.of("personnel", "course", "enrolment", "reporting")) {
            if (sqlLong(database, "select count(*) from outbox_event where published_at is null") > 0) {
                return false;
            }
        }
        List<String> active = new ArrayList<>();
        for (var group : admin.describeConsumerGroups(admin.listGroups().all().get().stream()
                .filter(g -> "consumer".equals(g.protocol())
                        || g.type().map(t -> t == org.apache.kafka.common.GroupType.CONSUMER).orElse(false))
                .map(g -> g.groupId()).toList()).all().get().values()) {
            if (!group.members().isEmpty()) {
                active.add(group.groupId());
            }
        }
        for (String group : active) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            var ends = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                    tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            for (var e : committed.entrySet()) {
                if (e.getValue() != null && ends.get(e.getKey()).offset() > e.getValue().offset()) {
                    return false;
                }
            }
        }
        // last, and the first open delivery only, in the order of the table of open ones (also when there is none):
        // counting them during a million-turn run took PostgreSQL over a second a look, beside personnel's consumer
        // on the same table, and slowed that consumer to a tenth of its pace. The two conditions are scalar
        // subqueries, which PostgreSQL runs per row and never turns into joins: as NOT EXISTS it was planned as an
        // anti-join that read the whole table of open deliveries at every look (1.5 s and 260,000 buffers a look in
        // the tail of a million-turn run: 216 s of the 590 s of CPU the stage counted for personnel's database).
        return sqlLong("personnel", """
                select count(*) from (select 1 from national_delivery_open o
                    where (select d.status from national_delivery d where d.sequence = o.sequence) <> 'REJECTED'
                      and not (select exists (select 1 from national_delivery_open r
                                              join national_delivery rd on rd.sequence = r.sequence
                                              where r.person_id = o.person_id and rd.status = 'REJECTED'))
                    order by o.sequence limit 1) open""") == 0;
    }

    // ------------------------------------------------------------------------------------------------ CPU

    /**
     * CPU-seconds so far of each component of the stack (a process and its children; postgres with its backends),
     * and PostgreSQL's split by what its processes serve: "postgres/<database>" for the backends of a database,
     * "postgres/background" for the server's own workers (WAL writer, checkpointer, autovacuum, ...) and
     * "postgres/ended" for the processes that ended (the postmaster's reaped children, not attributable).
     */
    Map<String, Double> cpu() throws IOException {
        Map<String, Double> result = new LinkedHashMap<>();
        Map<String, Double> postgresParts = new TreeMap<>();
        double hz = 100.0; // USER_HZ on Linux
        for (String c : List.of("postgres", "kafka", "keycloak", "personnel-service", "course-service",
                "enrolment-service", "reporting-service", "gateway", "national-registry")) {
            Path pidFile = runDir.resolve(c + ".pid");
            if (!Files.exists(pidFile)) {
                continue;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            double own = ticks(pid, false);
            double ticks = ticks(pid, true);
            if (c.equals("postgres")) {
                postgresParts.merge("postgres/ended", (ticks - own) / hz, Double::sum);
                postgresParts.merge("postgres/background", own / hz, Double::sum);
            }
            for (long child : children(pid)) {
                if (!pollerPids.contains(child)) {
                    double t = ticks(child, false);
                    ticks += t;
                    if (c.equals("postgres")) {
                        postgresParts.merge("postgres/" + postgresRole(child), t / hz, Double::sum);
                    }
                }
            }
            result.put(c.equals("national-registry") ? OUTSIDE + c : c, ticks / hz);
        }
        result.putAll(postgresParts);
        return result;
    }

    /** A backend's database from its title ("postgres: user database host(port) activity"), or "background". */
    static String postgresRole(long pid) {
        try {
            String[] title = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').strip()
                    .split("\\s+");
            boolean backend = title.length >= 4 && title[0].equals("postgres:") && title[3].contains("(");
            return backend ? title[2] : "background";
        } catch (IOException | RuntimeException gone) {
            return "background";
        }
    }

    /** utime + stime (+ cutime + cstime of reaped children, e.g. postgres backends that ended) */
    static double ticks(long pid, boolean withReaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name: state is f[0] = field 3, so field n is f[n - 3]
            double t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReaped) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static List<Long> children(long pid) {
        List<Long> result = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String text = Files.readString(task.resolve("children")).strip();
                if (!text.isEmpty()) {
                    for (String child : text.split(" ")) {
                        long c = Long.parseLong(child);
                        result.add(c);
                        result.addAll(children(c));
                    }
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended meanwhile
        }
        return result;
    }

    /**
     * The prefix of what runs on this machine beside the stack and is not the stack's cost: the national-registry
     * stand-in (the national database is another system), whose CPU the stack's components go without.
     */
    static final String OUTSIDE = "outside/";

    void cpuReport(String stage, int events, Map<String, Double> from, Map<String, Double> to) {
        StringBuilder s = new StringBuilder();
        StringBuilder parts = new StringBuilder();
        StringBuilder outside = new StringBuilder();
        double total = 0;
        for (var e : to.entrySet()) {
            double used = e.getValue() - from.getOrDefault(e.getKey(), 0.0);
            if (e.getKey().startsWith(OUTSIDE)) {
                outside.append(String.format("%s %.2f, ", e.getKey().substring(OUTSIDE.length()), used * 1000 / events));
                continue;
            }
            if (e.getKey().startsWith("postgres/")) {
                if (used * 1000 / events >= 0.005) {
                    parts.append(String.format("%s %.2f, ", e.getKey().substring("postgres/".length()),
                            used * 1000 / events));
                }
                continue;
            }
            total += used;
            s.append(String.format("%s %.2f, ", e.getKey(), used * 1000 / events));
        }
        line("%s CPU-seconds per 1,000 events: %stotal %.2f (%.2f ms per event)", stage, s, total * 1000 / events,
                total * 1000 / events);
        if (!parts.isEmpty()) {
            line("%s postgres by database: %s", stage, parts.substring(0, parts.length() - 2));
        }
        if (!outside.isEmpty()) {
            line("%s beside the stack (not in its total): %s", stage, outside.substring(0, outside.length() - 2));
        }
    }

    // ------------------------------------------------------------------------------------------------ limits

    /** The average size of a person event's data (the outbox keeps only unpublished events; the change feed keeps all). */
    int averagePayload() throws Exception {
        Long avg = sqlLong("reporting", "select coalesce(avg(length(data)), 1000)::bigint from (select data from"
                + " feed_event where type like '%.personnel.%' order by position desc limit 1000) p");
        return avg.intValue();
    }

    double kafkaProduce(int records, int size) throws Exception {
        String out = tool("org.apache.kafka.tools.ProducerPerformance", "--topic", "bench-limits", "--num-records",
                Integer.toString(records), "--record-size", Integer.toString(size), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + kafka, "acks=all", "linger.ms=5");
        Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(out);
        double last = 0;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    double kafkaConsume(int records) throws Exception {
        String out = tool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", kafka, "--topic",
                "bench-limits", "--messages", Integer.toString(records), "--group", "bench-limits-" + System.nanoTime(),
                "--hide-header", "--timeout", "60000");
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        for (String row : out.lines().toList()) {
            String[] cols = row.split(",\\s*");
            if (cols.length >= 6 && cols[5].matches("[0-9.]+")) {
                return Double.parseDouble(cols[5]);
            }
        }
        throw new IllegalStateException("ConsumerPerformance said: " + out);
    }

    String tool(String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", env("KAFKA_LIBS", null) + "/*", main));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor();
        return out.toString(StandardCharsets.UTF_8);
    }

    double postgresCopy(int rows, int size) throws Exception {
        StringBuilder data = new StringBuilder(rows * (size + 40));
        String filler = "x".repeat(Math.max(1, size));
        for (int i = 0; i < rows; i++) {
            data.append(java.util.UUID.randomUUID()).append('\t').append(filler).append('\n');
        }
        try (Connection c = db("personnel"); Statement s = c.createStatement()) {
            s.execute("create temporary table bench_copy (id uuid primary key, payload text)");
            long t0 = System.nanoTime();
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("copy bench_copy from stdin", new StringReader(data.toString()));
            return rows / seconds(t0);
        }
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    JsonNode awaitJob(String path) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode job = JSON.readTree(get(path).body());
            if (!"RUNNING".equals(job.path("status").asText())) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("import job " + path + " still running after " + patience);
            }
            Thread.sleep(250);
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request, "admin");
    }

    HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + token(user)).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A user's access token from the training realm (password grant), fetched again after ten minutes. */
    String token(String user) throws Exception {
        Token known = tokens.get(user);
        if (known != null && System.nanoTime() - known.issued() < Duration.ofMinutes(10).toNanos()) {
            return known.value();
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/training/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=training-cli&username="
                        + enc(user) + "&password=" + enc(password))).build(), HttpResponse.BodyHandlers.ofString());
        String value = JSON.readTree(r.body()).path("access_token").asText();
        if (value.isEmpty()) {
            throw new IllegalStateException("no token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        tokens.put(user, new Token(value, System.nanoTime()));
        return value;
    }

    /**
     * The background writers: the gateway allows each client 10 requests a second, so R writes a second come from
     * R/8 province officers, as they would in a province. Each is an {@code admin} of the province in the training
     * realm, created through Keycloak's admin API when missing (bench-writer-01, -02, ...).
     */
    List<String> writers(int count) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=" + enc(keycloakAdminPassword))).build(), HttpResponse.BodyHandlers.ofString());
        String admin = "Bearer " + JSON.readTree(login.body()).path("access_token").asText();
        String users = keycloak + "/admin/realms/training/users";
        String role = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/training/roles/admin"))
                .header("Authorization", admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("bench-writer-%02d", i);
            var user = JSON.createObjectNode().put("username", name).put("enabled", true).put("emailVerified", true)
                    .put("firstName", "Đo tải " + i).put("lastName", "Cán bộ").put("email", name + "@training.example");
            user.putObject("attributes").putArray("org_unit").add("HG");
            user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
            int created = HTTP.send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            if (created != 201 && created != 409) {
                throw new IllegalStateException("Keycloak answered " + created + " to creating " + name);
            }
            String id = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + name))
                    .header("Authorization", admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                    .path(0).path("id").asText();
            HTTP.send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build(), HttpResponse.BodyHandlers.ofString());
            names.add(name);
            token(name);
        }
        return names;
    }

    Connection db(String name) throws Exception {
        return DriverManager.getConnection(postgres + name, superUser, superPassword);
    }

    /**
     * The benchmark's own connection to a database, kept for the whole run: its backend's CPU (the polling of the
     * counts) is the benchmark's, not the system's, and {@link #cpu()} leaves it out of PostgreSQL's.
     */
    Connection polling(String name) throws Exception {
        Connection c = pollers.get(name);
        if (c == null) {
            c = db(name);
            try (Statement s = c.createStatement()) {
                // a count in parallel would hand part of its work to workers that end, counted as the stack's
                s.execute("set max_parallel_workers_per_gather = 0");
                try (ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                    r.next();
                    pollerPids.add(r.getLong(1));
                }
            }
            pollers.put(name, c);
        }
        return c;
    }

    Long sqlLong(String db, String sql) throws Exception {
        try (Statement s = polling(db).createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : null;
        }
    }

    String sqlString(String db, String sql) throws Exception {
        try (Statement s = polling(db).createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    void awaitSql(String what, Duration within, Check check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not there within " + within);
            }
            Thread.sleep(250);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * A speed index of this machine's cores, to compare runs of other days: SHA-256 of 64 MB on as many threads as
     * there are cores at once (after a pass that warms up the JIT), in MB/s per core. Runs of one build whose stack
     * figures differ by more than their indexes do were slowed by something else than the code.
     */
    static String cpuSpeed() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        java.util.concurrent.Callable<Double> hash = () -> {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            long t0 = System.nanoTime();
            for (int i = 0; i < 64; i++) {
                sha.update(block);
            }
            sha.digest();
            return 64 / ((System.nanoTime() - t0) / 1e9);
        };
        hash.call(); // warm-up
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(cores)) {
            List<java.util.concurrent.Future<Double>> each = new ArrayList<>();
            for (int c = 0; c < cores; c++) {
                each.add(pool.submit(hash));
            }
            double sum = 0;
            for (var f : each) {
                sum += f.get();
            }
            return String.format("SHA-256 %,.0f MB/s per core (%d at once), load %s", sum / cores, cores, load());
        }
    }

    static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " " + l[1] + " " + l[2];
        } catch (IOException e) {
            return "?";
        }
    }

    void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }

    static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khang",
            "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Ngọc", "Nhung", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang",
            "Trung", "Tuấn", "Vân", "Việt", "Yến"};
}
