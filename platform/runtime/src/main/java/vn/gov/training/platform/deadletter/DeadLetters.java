package vn.gov.training.platform.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.kafka.KafkaClientSecurity;
import vn.gov.training.platform.problem.Failures;

/**
 * The dead-letter topics of the service's consuming channels ({@code mp.messaging.incoming.<channel>
 * .dead-letter-queue.topic}) and their re-drive. Re-driving sends each dead-lettered record, with its key, data and
 * CloudEvents headers (without the {@code dead-letter-*} ones), back to the topic it came from: every consumer of that
 * topic then meets it again through its normal idempotent path, and those that applied it already find its id in
 * their inbox and change nothing. One shared cursor (consumer group {@code training.dead-letters.redrive-group}) records how
 * far each dead-letter topic has been re-driven, whichever service did it; {@code pending} is what lies after it.
 * Metrics: {@code training.dead_letter.records} (records on the topic) and {@code training.dead_letter.pending}
 * (not yet re-driven), tagged with the topic, refreshed every {@code training.dead-letters.refresh}.
 */
@ApplicationScoped
public class DeadLetters {

    /** A dead-letter topic: the records it holds and how many of them have not been re-driven. */
    public record TopicState(String topic, long records, long pending) {
    }

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The shared cursor of re-drives: one consumer group for every service. */
    @ConfigProperty(name = "training.dead-letters.redrive-group", defaultValue = "training.dead-letter-redrive")
    String redriveGroup;

    private final Set<String> topics;
    private final Map<String, AtomicLong[]> gauges = new ConcurrentHashMap<>();

    DeadLetters(Config config, MeterRegistry meters) {
        Set<String> found = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
                config.getOptionalValue(name, String.class).ifPresent(found::add);
            }
        }
        this.topics = Set.copyOf(found);
        for (String topic : topics) {
            AtomicLong[] values = {new AtomicLong(), new AtomicLong()};
            gauges.put(topic, values);
            Gauge.builder("training.dead_letter.records", values[0], AtomicLong::get).tag("topic", topic)
                    .description("records on the dead-letter topic").register(meters);
            Gauge.builder("training.dead_letter.pending", values[1], AtomicLong::get).tag("topic", topic)
                    .description("dead-lettered records not yet re-driven").register(meters);
        }
    }

    /** The dead-letter topics this service's channels write to. */
    public Set<String> topics() {
        return topics;
    }

    /** The size and pending count of each dead-letter topic, read from Kafka now. */
    public List<TopicState> states() {
        List<TopicState> states = new ArrayList<>();
        try (KafkaConsumer<String, String> kafka = consumer()) {
            for (String topic : topics) {
                states.add(state(kafka, topic));
            }
        }
        states.forEach(s -> {
            AtomicLong[] values = gauges.get(s.topic());
            values[0].set(s.records());
            values[1].set(s.pending());
        });
        return states;
    }

    @Scheduled(every = "${training.dead-letters.refresh:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        if (topics.isEmpty()) {
            return;
        }
        try {
            states();
        } catch (RuntimeException e) {
            LOG.debugf("Dead-letter sizes not refreshed: %s", Failures.describe(e));
        }
    }

    /**
     * Sends every record of {@code topic} after the shared cursor back to its source topic, then moves the cursor.
     *
     * @return how many records were re-driven
     */
    public long redrive(String topic) {
        if (!topics.contains(topic)) {
            throw new IllegalArgumentException("not a dead-letter topic of this service: " + topic);
        }
        long sent = 0;
        try (KafkaConsumer<String, String> kafka = consumer(); KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = partitions(kafka, topic);
            kafka.assign(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata cursor = committed.get(partition);
                if (cursor == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, cursor.offset());
                }
            }
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    producer.send(back(topic, record));
                    sent++;
                }
            }
            producer.flush();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            kafka.commitSync(done);
        }
        states();
        LOG.infof("Re-drove %d records of %s", sent, topic);
        return sent;
    }

    private static ProducerRecord<String, String> back(String deadLetterTopic, ConsumerRecord<String, String> record) {
        Header origin = record.headers().lastHeader("dead-letter-topic");
        String source = origin != null ? new String(origin.value(), java.nio.charset.StandardCharsets.UTF_8)
                : deadLetterTopic.replaceFirst("\\.dlt$", "");
        ProducerRecord<String, String> again = new ProducerRecord<>(source, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                again.headers().add(header);
            }
        }
        return again;
    }

    private TopicState state(KafkaConsumer<String, String> kafka, String topic) {
        List<TopicPartition> partitions = partitions(kafka, topic);
        Map<TopicPartition, Long> begin = kafka.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
        long records = 0;
        long pending = 0;
        for (TopicPartition partition : partitions) {
            long first = begin.get(partition);
            long last = end.get(partition);
            OffsetAndMetadata cursor = committed.get(partition);
            records += last - first;
            pending += last - Math.max(first, cursor == null ? first : cursor.offset());
        }
        return new TopicState(topic, records, pending);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> kafka, String topic) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, redriveGroup);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaClientSecurity.addTo(config);
        return new KafkaConsumer<>(config);
    }

    private KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaClientSecurity.addTo(config);
        return new KafkaProducer<>(config);
    }
}
