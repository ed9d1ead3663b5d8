package vn.gov.training.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.inbox.Inbox;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.reporting.projection.AnnualRollup;
import vn.gov.training.reporting.projection.DistinctRollup;
import vn.gov.training.reporting.projection.Projection;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.projection.TrainingTurn;

/**
 * Set-based projection: the scenario's events applied in batches (each run of consecutive events of one topic is one
 * batch, as a consumer receives them: p7's registration, transfer, back-dated qualification and rating in one batch,
 * an enrolment's nomination, approval and completion in another) give exactly the read model that applying them one
 * by one gives, and the same batches delivered again change nothing. Each projection goes into a fresh generation
 * schema of its own, through the inbox as the live consumers use it, and is dropped afterwards. A poison record in a
 * batch goes alone to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class BatchProjectionTest {

    /** The read model's tables, each with the condition of the rows that count (roll-up rows at zero do not). */
    private static final Map<String, String> TABLES = new TreeMap<>(Map.ofEntries(
            Map.entry("unit_version", "true"), Map.entry("person", "true"), Map.entry("person_version", "true"),
            Map.entry("qualification", "true"), Map.entry("plan_gap", "true"), Map.entry("stock_interval", "true"),
            Map.entry("training_class", "true"), Map.entry("plan", "true"), Map.entry("plan_item", "true"),
            Map.entry("enrolment", "true"), Map.entry("rollup_unit", "true"), Map.entry("commitment", "true"),
            Map.entry("repayment", "true"), Map.entry("person_result", "true"), Map.entry("person_year", "true"),
            Map.entry("training_fact", "turns <> 0 or periods <> 0 or cost_vnd <> 0 or funding_vnd <> 0"),
            Map.entry("training_rollup", "turns <> 0 or periods <> 0 or cost_vnd <> 0 or funding_vnd <> 0"),
            Map.entry("annual_rollup", "value <> 0"), Map.entry("stock_rollup", "held <> 0 or opened <> 0"),
            Map.entry("stock_change", "net <> 0"), Map.entry("staff_rollup", "held <> 0 or opened <> 0"),
            Map.entry("staff_change", "net <> 0"), Map.entry("gap_rollup", "people <> 0"),
            Map.entry("commitment_rollup", "items <> 0 or amount_vnd <> 0"),
            Map.entry("repayment_rollup", "items <> 0 or amount_vnd <> 0")));

    @Inject
    Projection projection;
    @Inject
    ReadModel readModel;
    @Inject
    Inbox inbox;
    @Inject
    Sql sql;
    @Inject
    DataSource dataSource;

    private record Batch(String topic, List<EventEnvelope> events) {
    }

    @Test
    void batchesHoldingSeveralVersionsOfOnePersonGiveWhatOneByOneGivesAndARedeliveryChangesNothing() {
        List<Batch> batches = batches(new Scenario().events);
        assertTrue(batches.stream().anyMatch(b -> b.topic().equals("personnel") && b.events().stream()
                .map(EventEnvelope::key).distinct().count() < b.events().size()), "a batch holds one person twice");
        String single = "rpt_g" + ThreadLocalRandom.current().nextInt(900_000_000, 999_999_999);
        String batched = "rpt_g" + ThreadLocalRandom.current().nextInt(900_000_000, 999_999_999);
        try {
            create(single);
            create(batched);
            for (Batch batch : batches) {
                for (EventEnvelope event : batch.events()) {
                    apply(single, batch.topic(), List.of(event));
                }
                apply(batched, batch.topic(), batch.events());
            }
            Map<String, List<String>> oneByOne = readModel(single);
            assertTrue(oneByOne.get("training_rollup").size() > 0 && oneByOne.get("stock_rollup").size() > 0
                    && oneByOne.get("distinct_rollup").size() > 0 && oneByOne.get("gap_rollup").size() > 0);
            assertEquals(oneByOne, readModel(batched));

            for (Batch batch : batches) {
                apply(batched, batch.topic(), batch.events());
            }
            assertEquals(oneByOne, readModel(batched));
        } finally {
            drop(single);
            drop(batched);
        }
    }

    /**
     * A person's enrolments re-counted after their gender changed (annual_rollup has it, per anchor) wait for a move
     * between anchors in progress, as every other change of an anchor's figures does: a re-count that read the old
     * anchor while the move read the old facts left annual_rollup apart from training_fact. Afterwards the roll-up
     * equals the facts summed afresh.
     */
    @Test
    void aPersonsRecountWaitsForAMoveBetweenAnchorsInProgress() throws Exception {
        Scenario scenario = new Scenario();
        String schema = "rpt_g" + ThreadLocalRandom.current().nextInt(900_000_000, 999_999_999);
        ExecutorService applier = Executors.newSingleThreadExecutor();
        try {
            create(schema);
            for (Batch batch : batches(scenario.events)) {
                apply(schema, batch.topic(), batch.events());
            }
            String person = QuarkusTransaction.requiringNew().call(() -> {
                readModel.use(schema);
                return sql.string("select e.personnel_id::text from enrolment e join person p using (personnel_id)"
                        + " join rollup_unit m on m.unit_code = e.unit_code where e.start_date is not null and e."
                        + TrainingTurn.TURN
                        + " order by 1 limit 1");
            });
            ProducerRecord<String, String> last = scenario.events.stream()
                    .filter(r -> r.topic().equals("personnel") && r.key().equals(person)).reduce((a, b) -> b)
                    .orElseThrow();
            String flipped = last.value().contains("\"gender\":\"FEMALE\"")
                    ? last.value().replace("\"gender\":\"FEMALE\"", "\"gender\":\"MALE\"")
                    : last.value().replaceFirst("\"gender\":\"[A-Z]+\"", "\"gender\":\"FEMALE\"");
            ProducerRecord<String, String> changed = new ProducerRecord<>("personnel", 0, person, flipped);
            last.headers().forEach(h -> changed.headers().add(h.key(), h.key().equals("ce_id")
                    ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8) : h.value()));
            EventEnvelope gender = EventEnvelope.from("personnel", 0, changed.headers(), person, flipped);

            Future<?> recount;
            try (Connection move = dataSource.getConnection()) {
                // the lock TrainingRollup.unitChanged holds while it moves units between anchors
                move.setAutoCommit(false);
                try (Statement st = move.createStatement()) {
                    st.execute("select pg_advisory_xact_lock(7310003, hashtext('" + schema + "'))");
                }
                recount = applier.submit(() -> apply(schema, "personnel", List.of(gender)));
                Poll.until(Duration.ofSeconds(30), () -> waitingForTheMove(move),
                        waiting -> waiting || recount.isDone());
                assertFalse(recount.isDone(), "the re-count went ahead while a move between anchors was in progress");
                move.commit();
            }
            recount.get(60, TimeUnit.SECONDS);
            QuarkusTransaction.requiringNew().run(() -> {
                readModel.use(schema);
                String stored = "select anchor_code, year, staff_category, leader, measure, value from annual_rollup"
                        + " where value <> 0";
                assertEquals(List.of(0L, 0L), List.of(
                        sql.longValue("select count(*) from (" + stored + " except all " + AnnualRollup.SUMMED
                                + ") a"),
                        sql.longValue("select count(*) from (" + AnnualRollup.SUMMED + " except all " + stored
                                + ") b")));
            });
        } finally {
            applier.shutdownNow();
            drop(schema);
        }
    }

    /** Whether a session waits for the two-key advisory lock of moves between anchors that {@code move} holds. */
    private static boolean waitingForTheMove(Connection move) throws SQLException {
        try (Statement st = move.createStatement(); ResultSet r = st.executeQuery("select count(*) from pg_locks"
                + " where locktype = 'advisory' and classid = 7310003 and objsubid = 2 and not granted")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    /**
     * A batch of person events through Kafka with a poison record in its middle (a CloudEvent whose personnelId is
     * not a UUID, refused inside the set-based projection): the rest of the batch is applied, and the poison record
     * alone goes to the dead-letter topic with its reason.
     */
    @Test
    void aPoisonPersonEventInABatchIsDeadLetteredAloneAndTheRestOfTheBatchIsApplied() {
        String prefix = "BP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<UUID> people = new ArrayList<>();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            people.add(id);
            ProducerRecord<String, String> event = personEvent(id.toString(), id.toString(), prefix + " " + i);
            EventContract.published().assertValid(event); // the fixture keeps personnel-service's contract
            batch.add(event);
            if (i == 10) {
                batch.add(personEvent(prefix + "-POISON", "not-a-uuid", prefix + " poison"));
            }
        }
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics("personnel.dlt");
            kafka.produceStrings().fromRecords(batch).awaitCompletion();
            // the first batch test of a run reads every topic from the beginning (all the events sent so far)
            Poll.until(Duration.ofSeconds(600), () -> QuarkusTransaction.requiringNew().call(() -> {
                readModel.useActive();
                return (int) sql.longValue("select count(*) from person where personnel_id = any(?)",
                        Sql.uuids(people));
            }), count -> count == people.size());
            List<ConsumerRecord<String, String>> dead = Poll.until(Duration.ofSeconds(60),
                    () -> deadLetters.getRecords().stream().filter(r -> r.key() != null && r.key().startsWith(prefix))
                            .toList(), records -> !records.isEmpty());
            deadLetters.stop();
            assertEquals(List.of(prefix + "-POISON"), deadLetters.getRecords().stream().map(ConsumerRecord::key)
                    .filter(k -> k != null && k.startsWith(prefix)).toList(), "only the poison record is dead-lettered");
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("not a UUID"), reason);
        }
    }

    /**
     * A batch's transaction runs without parallel query from its claim on (its reads are lookups by key), and the
     * setting ends with it: the next transaction on the pool's connections has the server's own.
     */
    @Test
    void aBatchsTransactionRunsWithoutParallelQueryAndTheNextOneWithTheServersSetting() {
        String server = QuarkusTransaction.requiringNew().call(
                () -> sql.string("select current_setting('max_parallel_workers_per_gather')"));
        assertTrue(Integer.parseInt(server) > 0, "the test server allows parallel workers: " + server);
        List<EventEnvelope> events = batches(new Scenario().events).getFirst().events();
        String consumer = "parallel-" + UUID.randomUUID();
        try {
            String inBatch = QuarkusTransaction.requiringNew().call(() -> {
                assertEquals(events.size(), inbox.claimAll(consumer, events).size());
                return sql.string("select current_setting('max_parallel_workers_per_gather')");
            });
            assertEquals("0", inBatch);
            assertEquals(server, QuarkusTransaction.requiringNew().call(
                    () -> sql.string("select current_setting('max_parallel_workers_per_gather')")));
        } finally {
            QuarkusTransaction.requiringNew().run(
                    () -> sql.update("delete from public.processed_event where consumer = ?", consumer));
        }
    }

    /**
     * A person's qualifications in the read model are those their last event lists: one no longer listed is gone, a
     * corrected one holds its new level, a new one is added, and the unchanged one is still there.
     */
    @Test
    void aPersonsQualificationsAreThoseTheirLastEventLists() {
        String schema = "rpt_g" + ThreadLocalRandom.current().nextInt(900_000_000, 999_999_999);
        String id = UUID.randomUUID().toString();
        String kept = qualification(id + "-1", "EDUCATION", "BACHELOR", "2005-06-01");
        try {
            create(schema);
            apply(schema, "personnel", List.of(envelope(personEvent(id, id, "Trần Văn Bình", List.of(kept,
                    qualification(id + "-2", "EDUCATION", "MASTER", "2012-06-01"),
                    qualification(id + "-3", "POLITICAL_THEORY", "ELEMENTARY", "2015-01-01"))))));
            apply(schema, "personnel", List.of(envelope(personEvent(id, id, "Trần Văn Bình", List.of(kept,
                    qualification(id + "-3", "POLITICAL_THEORY", "INTERMEDIATE", "2018-01-01"),
                    qualification(id + "-4", "STATE_MANAGEMENT", "SPECIALIST", "2020-01-01"))))));
            assertEquals(List.of(id + "-1 EDUCATION/BACHELOR 2005-06-01",
                    id + "-3 POLITICAL_THEORY/INTERMEDIATE 2018-01-01",
                    id + "-4 STATE_MANAGEMENT/SPECIALIST 2020-01-01"),
                    QuarkusTransaction.requiringNew().call(() -> {
                        readModel.use(schema);
                        return sql.list("select qualification_id, kind, level, awarded_on from qualification"
                                + " where personnel_id = ? order by 1", r -> r.string("qualification_id") + " "
                                + r.string("kind") + "/" + r.string("level") + " " + r.date("awarded_on"),
                                UUID.fromString(id));
                    }));
        } finally {
            drop(schema);
        }
    }

    private static EventEnvelope envelope(ProducerRecord<String, String> r) {
        EventContract.published().assertValid(r);
        return EventEnvelope.from(r.topic(), 0, r.headers(), r.key(), r.value());
    }

    private static String qualification(String id, String kind, String level, String awardedOn) {
        return """
                {"qualificationId":"%s","kind":"%s","level":"%s","awardedOn":"%s","source":"MANUAL"}"""
                .formatted(id, kind, level, awardedOn);
    }

    private static ProducerRecord<String, String> personEvent(String key, String personnelId, String name) {
        return personEvent(key, personnelId, name, List.of());
    }

    private static ProducerRecord<String, String> personEvent(String key, String personnelId, String name,
            List<String> qualifications) {
        ProducerRecord<String, String> record = new ProducerRecord<>("personnel", 0, key, """
                {"personnelId":"%s","fullName":"%s","gender":"MALE","ethnicity":"Kinh","dateOfBirth":"1980-01-01",
                 "category":"CIVIL_SERVANT",
                 "orgUnitCode":"HG.BP","startedServiceOn":"2010-01-01","status":"ACTIVE","effectiveOn":"2010-01-01",
                 "qualifications":%s,"ratings":[],"plannedTitles":[]}""".formatted(personnelId, name,
                        "[" + String.join(",", qualifications) + "]"));
        for (String[] header : List.of(new String[] {"ce_specversion", "1.0"},
                new String[] {"ce_id", UUID.randomUUID().toString()}, new String[] {"ce_source", "/training/test"},
                new String[] {"ce_type", "vn.gov.training.personnel.registered.v1"},
                new String[] {"content-type", "application/json"})) {
            record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** The scenario as a consumer receives it: each run of consecutive events of one topic is a batch. */
    private static List<Batch> batches(List<ProducerRecord<String, String>> records) {
        List<Batch> batches = new ArrayList<>();
        for (ProducerRecord<String, String> r : records) {
            EventEnvelope event = EventEnvelope.from(r.topic(), 0, r.headers(), r.key(), r.value());
            if (batches.isEmpty() || !batches.getLast().topic().equals(r.topic())) {
                batches.add(new Batch(r.topic(), new ArrayList<>()));
            }
            batches.getLast().events().add(event);
        }
        return batches;
    }

    /** What ProjectionConsumers does with a batch: claims it in the schema's inbox and applies the fresh events. */
    private void apply(String schema, String topic, List<EventEnvelope> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<EventEnvelope> fresh = inbox.claimAll(Projection.consumerName(schema), events);
            if (!fresh.isEmpty()) {
                readModel.use(schema);
                projection.applyAll(topic, fresh);
            }
        });
    }

    /** Every table's rows that count, as text in order; distinct_rollup with its bitmaps read as sets of ids. */
    private Map<String, List<String>> readModel(String schema) {
        return QuarkusTransaction.requiringNew().call(() -> {
            readModel.use(schema);
            Map<String, List<String>> tables = new TreeMap<>();
            TABLES.forEach((table, counted) -> tables.put(table, sql.list("select t::text from " + table
                    + " t where " + counted + " order by 1", r -> r.string(1))));
            Map<Integer, UUID> ids = new TreeMap<>();
            sql.list("select number, id from id_number", r -> Map.entry(r.intValue("number"), r.uuid("id")))
                    .forEach(n -> ids.put(n.getKey(), n.getValue()));
            List<String> cells = sql.list("select anchor_code, span, period_start, staff_category, category, level,"
                    + " people, classes from distinct_rollup", r -> r.string("anchor_code") + " " + r.string("span")
                    + " " + r.date("period_start") + " " + r.string("staff_category") + " " + r.string("category")
                    + "/" + r.string("level") + " " + members(r.bytes("people"), ids) + " classes "
                    + members(r.bytes("classes"), ids));
            tables.put("distinct_rollup", cells.stream().sorted().toList());
            return tables;
        });
    }

    private static List<String> members(byte[] bitmap, Map<Integer, UUID> ids) {
        List<String> members = new ArrayList<>();
        DistinctRollup.bitmap(bitmap).forEach((int n) -> members.add(String.valueOf(ids.get(n))));
        return members.stream().sorted().toList();
    }

    private void create(String schema) {
        QuarkusTransaction.requiringNew().run(() -> readModel.createSchema(schema));
    }

    private void drop(String schema) {
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update("drop schema if exists " + schema + " cascade");
            sql.update("delete from public.processed_event where consumer = ?", Projection.consumerName(schema));
        });
    }
}
