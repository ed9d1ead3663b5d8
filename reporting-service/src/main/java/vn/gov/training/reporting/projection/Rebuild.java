package vn.gov.training.reporting.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.gov.training.platform.resilience.DatabaseOutage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.platform.inbox.IdempotentConsumer;
import vn.gov.training.platform.kafka.KafkaClientSecurity;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.problem.Failures;

/**
 * Replays the consumed topics from the beginning into a fresh generation schema with a consumer of its own, up to
 * the end offsets seen at the start; then, with live projection held, reads what arrived meanwhile and switches
 * the reports over, only once every partition has been read up to the offsets captured at the start. The previous
 * generation's schema is dropped.
 * <p>
 * The building instance records itself as the owner and beats a heartbeat while it reads. A build left BUILDING by
 * a crashed instance (heartbeat older than {@code training.reports.rebuild-stale-after}) no longer blocks: the next
 * start abandons it (FAILED, its schema dropped), as does {@code POST /api/admin/rebuild/{id}/abandon}. A build that
 * finds itself abandoned stops without switching.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    public record Progress(int id, String schema, String status, Long eventsTotal, long eventsRead, String error) {
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "training.reports.rebuild-stale-after", defaultValue = "PT2M")
    Duration staleAfter;

    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** This process, as the owner of the builds it runs. */
    private final String instance = "pid-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID();
    private volatile Integer running;
    private long lastBeat;

    private final ReadModel readModel;
    private final Sql sql;
    private final IdempotentConsumer consumer;
    private final Projection projection;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));

    Rebuild(ReadModel readModel, Sql sql, IdempotentConsumer consumer, Projection projection) {
        this.readModel = readModel;
        this.sql = sql;
        this.consumer = consumer;
        this.projection = projection;
    }

    /** Starts a rebuild; only one at a time. A stale build of a dead instance is abandoned first. */
    public synchronized Progress start() {
        readModel.activeSchema();
        int id = QuarkusTransaction.requiringNew().call(() -> {
            sql.execute("select pg_advisory_xact_lock(7310002)");
            for (Build b : unfinished()) {
                boolean mineButDead = instance.equals(b.owner()) && !Integer.valueOf(b.id()).equals(running);
                if (!Boolean.TRUE.equals(b.stale()) && !mineButDead) {
                    throw ProblemException.conflict("rebuild-running");
                }
                abandonBuild(b.id(), b.schema(), mineButDead ? "abandoned: its rebuild thread is gone"
                        : "abandoned: no heartbeat from " + b.owner() + " for more than " + staleAfter);
            }
            int next = (int) sql.longValue("select coalesce(max(id), 0) + 1 from public.report_generation");
            String schema = "rpt_g" + next;
            sql.update("""
                    insert into public.report_generation (id, schema_name, status, owner, heartbeat_at, model_version)
                    values (?, ?, 'BUILDING', ?, now(), ?)""", next, schema, instance, ReadModel.MODEL_VERSION);
            readModel.createSchema(schema);
            return next;
        });
        running = id;
        worker.submit(() -> run(id, "rpt_g" + id));
        return progress(id);
    }

    /**
     * Ends every build left BUILDING without a live worker (this instance's, when its thread is gone; another's, when
     * its heartbeat is older than {@code rebuild-stale-after}): FAILED with the reason, its schema dropped. Runs at
     * start-up, when the database returns after an outage and every 30 s, so that no build stays BUILDING.
     *
     * @return how many builds were ended
     */
    public synchronized int sweep() {
        return QuarkusTransaction.requiringNew().call(() -> {
            sql.execute("select pg_advisory_xact_lock(7310002)");
            int ended = 0;
            for (Build b : unfinished()) {
                boolean mineButDead = instance.equals(b.owner()) && !Integer.valueOf(b.id()).equals(running);
                if (Boolean.TRUE.equals(b.stale()) || mineButDead) {
                    abandonBuild(b.id(), b.schema(), mineButDead ? "abandoned: its rebuild thread is gone"
                            : "abandoned: no heartbeat from " + b.owner() + " for more than " + staleAfter);
                    ended++;
                }
            }
            return ended;
        });
    }

    /** A build left BUILDING; stale when its heartbeat is older than {@code rebuild-stale-after}. */
    private record Build(int id, String schema, String owner, Boolean stale) {
    }

    private List<Build> unfinished() {
        return sql.list("""
                select id, schema_name, owner, coalesce(heartbeat_at, created_at) < now() - ?::interval
                from public.report_generation where status = 'BUILDING'""",
                r -> new Build(r.intValue("id"), r.string("schema_name"), r.string("owner"), r.bool(4)),
                staleAfter.toSeconds() + " seconds");
    }

    void sweepAtStart(@Observes StartupEvent start) {
        sweepQuietly();
    }

    void sweepWhenDatabaseReturns(@Observes DatabaseOutage.DatabaseRestored restored) {
        sweepQuietly();
    }

    @Scheduled(every = "${training.reports.rebuild-sweep:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.debugf("Rebuild sweep skipped: %s", vn.gov.training.platform.problem.Failures.describe(e));
        }
    }

    /** Gives up a build that is not running in this instance (a crashed one); a running one answers 409. */
    public synchronized Progress abandon(int id) {
        Progress p = progress(id);
        if (!"BUILDING".equals(p.status())) {
            return p;
        }
        if (Integer.valueOf(id).equals(running)) {
            throw ProblemException.conflict("rebuild-running");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            sql.execute("select pg_advisory_xact_lock(7310002)");
            abandonBuild(id, p.schema(), "abandoned by an administrator");
        });
        return progress(id);
    }

    private void abandonBuild(int id, String schema, String reason) {
        if (sql.update("update public.report_generation set status = 'FAILED', error = ? where id = ?"
                + " and status = 'BUILDING'", reason, id) == 1 && schema.matches("rpt_g\\d+")) {
            sql.update("drop schema if exists " + schema + " cascade");
        }
        LOG.warnf("Rebuild %d %s", id, reason);
    }

    public Progress progress(int id) {
        return QuarkusTransaction.requiringNew().call(() -> sql.first("""
                select id, schema_name, status, events_total, events_read, error from public.report_generation
                where id = ?""", r -> new Progress(r.intValue("id"), r.string("schema_name"), r.string("status"),
                r.longOrNull("events_total"), r.longValue("events_read"), r.string("error")), id)
                .orElseThrow(() -> ProblemException.notFound("rebuild-not-found", id)));
    }

    /** The latest build that is BUILDING, if any. */
    public Optional<Progress> building() {
        Optional<Integer> id = QuarkusTransaction.requiringNew().call(() -> sql.first(
                "select max(id) from public.report_generation where status = 'BUILDING'", r -> r.intOrNull(1)));
        return id.map(this::progress);
    }

    private void run(int id, String schema) {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties(id))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Projection.TOPICS) {
                java.util.Objects.requireNonNullElse(kafka.partitionsFor(topic, Duration.ofSeconds(30)),
                                List.<org.apache.kafka.common.PartitionInfo>of())
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = kafka.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            update("update public.report_generation set events_total = ? where id = ?", total, id);

            long read = readUpTo(kafka, end, schema, id, 0);
            // catch up with what arrived meanwhile before holding the live projection, so that the hold stays short
            for (int round = 0; round < 5 && lag(kafka, kafka.endOffsets(partitions)) > 200; round++) {
                read = readUpTo(kafka, kafka.endOffsets(partitions), schema, id, read);
            }
            String old;
            readModel.lockForSwitch();
            try {
                read = readUpTo(kafka, kafka.endOffsets(partitions), schema, id, read);
                requireCaughtUp(kafka, end);
                long events = read(kafka, partitions, begin);
                old = QuarkusTransaction.requiringNew().call(() -> {
                    sql.execute("select pg_advisory_xact_lock(7310002)");
                    if (sql.update("""
                            update public.report_generation set status = 'SWITCHING', events_read = ?
                            where id = ? and status = 'BUILDING' and owner = ?""", events, id, instance) != 1) {
                        throw new IllegalStateException("rebuild " + id + " was abandoned; not switching over");
                    }
                    String active = sql.string(
                            "select schema_name from public.report_generation where status = 'ACTIVE'");
                    sql.update("update public.report_generation set status = 'RETIRED' where status = 'ACTIVE'");
                    sql.update("""
                            update public.report_generation set status = 'ACTIVE', switched_at = now() where id = ?""",
                            id);
                    return active;
                });
                readModel.switchTo(schema);
            } finally {
                readModel.unlockAfterSwitch();
            }
            // dropped only once reports use the new schema: a report that took the old name just before the switch
            // still finds its tables (the drop waits for it)
            if (old != null) {
                QuarkusTransaction.requiringNew().run(() -> sql.update("drop schema if exists " + old + " cascade"));
            }
            LOG.infof("Read model rebuilt into %s from %d events", schema, read);
        } catch (RuntimeException | Error e) {
            LOG.errorf(Failures.redacted(e), "Rebuild %d failed", id);
            update("""
                    update public.report_generation set status = 'FAILED', error = ? where id = ? and status = 'BUILDING'
                    """, Failures.describe(e), id);
            QuarkusTransaction.requiringNew().run(() -> {
                if ("FAILED".equals(sql.string("select status from public.report_generation where id = ?", id))) {
                    sql.update("drop schema if exists " + schema + " cascade");
                }
            });
        } finally {
            running = null;
        }
    }

    private static long lag(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - kafka.position(e.getKey()))).sum();
    }

    /** Before switching over: every partition read up to at least the end offset captured at the start. */
    private static void requireCaughtUp(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            long position = kafka.position(e.getKey());
            if (position < e.getValue()) {
                throw new IllegalStateException("not caught up on " + e.getKey() + ": at " + position + " of "
                        + e.getValue());
            }
        }
    }

    /** Beats the heartbeat; a build that was abandoned meanwhile stops here. */
    private void beat(int id, long read) {
        long now = System.nanoTime();
        if (now - lastBeat < HEARTBEAT.toNanos()) {
            return;
        }
        lastBeat = now;
        int updated = QuarkusTransaction.requiringNew().call(() -> sql.update("""
                update public.report_generation set heartbeat_at = now(), events_read = ?
                where id = ? and status = 'BUILDING' and owner = ?""", read, id, instance));
        if (updated != 1) {
            throw new IllegalStateException("rebuild " + id + " was abandoned");
        }
    }

    private long read(KafkaConsumer<String, String> kafka, List<TopicPartition> partitions,
                      Map<TopicPartition, Long> begin) {
        return partitions.stream().mapToLong(p -> kafka.position(p) - begin.get(p)).sum();
    }

    private long readUpTo(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> end, String schema, int id,
                          long read) {
        String name = Projection.consumerName(schema);
        while (!reached(kafka, end)) {
            beat(id, read);
            for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                try {
                    consumer.consume(name, record, event -> {
                        readModel.use(schema);
                        projection.apply(record.topic(), event);
                    });
                } catch (PoisonEventException e) {
                    // the live consumer has sent it to the dead-letter topic already
                    LOG.debugf("Rebuild skips poison record %s-%d@%d: %s", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
                if (++read % 500 == 0) {
                    update("update public.report_generation set events_read = ? where id = ?", read, id);
                }
            }
        }
        update("update public.report_generation set events_read = ? where id = ?", read, id);
        return read;
    }

    private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (kafka.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void update(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> sql.update(statement, params));
    }

    private Properties properties(int id) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reporting-service.rebuild." + id + "." + System.nanoTime());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        Properties properties = new Properties();
        properties.putAll(config);
        KafkaClientSecurity.addTo(properties);
        return properties;
    }

    void shutdown(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
