package vn.gov.training.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.kafka.KafkaClientSecurity;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.resilience.SkipsDuringOutage;

/**
 * Publishes committed outbox events to Kafka, oldest first, with an idempotent producer ({@code acks=all}).
 * A batch is deleted from the outbox only after Kafka acknowledged every record in it; on any failure nothing is
 * deleted and the next run resends from the first unsent event, so nothing is lost or reordered (a resend may
 * duplicate, which consumers absorb by event id). A PostgreSQL advisory lock keeps one relay active per database even when
 * several instances of a service run. While a backlog exists the relay sends batch after batch as fast as Kafka
 * acknowledges them; a commit that writes events while a batch is on its way makes the relay look again at once
 * rather than at the next scheduled run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x7261696c6f7574L; // "railout"
    private static final int BATCH_SIZE = 2000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "training.events.source")
    String source;

    @ConfigProperty(name = "training.outbox.send-timeout", defaultValue = "15s")
    Duration sendTimeout;

    @ConfigProperty(name = "training.outbox.retention", defaultValue = "P7D")
    Duration retention;

    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final ManagedExecutor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Set by every wake-up: events were committed since the relay last looked. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    private KafkaProducer<String, String> producer;
    private volatile boolean failing;

    OutboxRelay(EntityManager entityManager, MeterRegistry meters, ManagedExecutor executor) {
        this.entityManager = entityManager;
        this.meters = meters;
        this.executor = executor;
    }

    @PostConstruct
    void createProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + source.replace('/', '-'));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaClientSecurity.addTo(config);
        producer = new KafkaProducer<>(config);
        meters.gauge("outbox.pending", this, OutboxRelay::pendingCount);
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Runs the relay now, off the caller's thread; called after a transaction that wrote events commits. */
    void wakeUp() {
        wanted.set(true);
        if (!running.get()) {
            executor.execute(this::relay);
        }
    }

    /** The safety net: publishes whatever a missed wake-up or an outage of Kafka left behind. */
    @Scheduled(every = "${training.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        while (running.compareAndSet(false, true)) {
            try {
                int sent;
                do {
                    wanted.set(false);
                    sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
                } while (sent == BATCH_SIZE || (sent > 0 && wanted.get()));
                if (failing) {
                    LOG.info("Outbox relay publishes again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("Outbox relay cannot publish, will retry: %s", Failures.describe(e));
                    failing = true;
                }
                return;
            } finally {
                running.set(false);
            }
            // a wake-up that came after the last look and found the relay running: look again now
            if (!wanted.get()) {
                return;
            }
        }
    }

    /** Removes the events that earlier versions marked published instead of deleting them. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @SkipsDuringOutage
    void deletePublished() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        QuarkusTransaction.requiringNew().run(
                () -> OutboxEvent.delete("publishedAt is not null and publishedAt < ?1", before));
    }

    /** Sends one batch and marks it published; returns how many events it published. */
    int publishBatch() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> batch = entityManager.createNativeQuery("""
                select id, event_id, topic, aggregate_id, type, subject, payload, occurred_at, traceparent
                from outbox_event where published_at is null order by id limit ?1""")
                .setParameter(1, BATCH_SIZE).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Long[] ids = new Long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Object[] row = batch.get(i);
            ids[i] = ((Number) row[0]).longValue();
            acks.add(producer.send(toRecord(row)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            awaitAck(ack);
        }
        // Kafka holds the events now; deleting them costs PostgreSQL less than marking them (no new row versions)
        entityManager.createNativeQuery("delete from outbox_event where id = any(?1)")
                .setParameter(1, ids).executeUpdate();
        return batch.size();
    }

    private void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge an event: " + e.getMessage(), e);
        }
    }

    /**
     * A row of {@code id, event_id, topic, aggregate_id, type, subject, payload, occurred_at, traceparent} as a
     * record; the trace context travels as the CloudEvents extension and as the plain W3C header.
     */
    private ProducerRecord<String, String> toRecord(Object[] row) {
        ProducerRecord<String, String> record = new ProducerRecord<>((String) row[2], (String) row[3], (String) row[6]);
        header(record, EventEnvelope.HEADER_SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        header(record, EventEnvelope.HEADER_ID, row[1].toString());
        header(record, EventEnvelope.HEADER_SOURCE, source);
        header(record, EventEnvelope.HEADER_TYPE, (String) row[4]);
        header(record, EventEnvelope.HEADER_SUBJECT, (String) row[5]);
        header(record, EventEnvelope.HEADER_TIME, EventEnvelope.time(occurredAt(row[7])));
        header(record, EventEnvelope.HEADER_CONTENT_TYPE, EventEnvelope.JSON);
        header(record, EventEnvelope.HEADER_TRACEPARENT, (String) row[8]);
        header(record, EventEnvelope.HEADER_W3C_TRACEPARENT, (String) row[8]);
        return record;
    }

    private static OffsetDateTime occurredAt(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("occurred_at read as " + value.getClass().getName());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private double pendingCount() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("publishedAt is null"));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
