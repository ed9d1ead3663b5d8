package vn.gov.training.platform.event;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A CloudEvents 1.0 event as it travels over Kafka in binary mode: the attributes are {@code ce_*} headers, the
 * record value is the JSON data and the record key is the aggregate id.
 * <p>
 * Written by hand rather than with the CloudEvents SDK or the Kafka connector's CloudEvents support: the outbox relay
 * sends with its own producer (the connector's support is for channel messages), a record that is not a CloudEvent
 * must become a dead letter with its reason.
 */
public record EventEnvelope(String id, String source, String type, String subject, OffsetDateTime time,
                            String key, String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    /** CloudEvents distributed-tracing extension: the W3C trace context of the request that caused the event. */
    public static final String HEADER_TRACEPARENT = "ce_traceparent";
    /** The same trace context as the plain W3C header that OpenTelemetry's Kafka instrumentation reads. */
    public static final String HEADER_W3C_TRACEPARENT = "traceparent";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /**
     * RFC 3339 in UTC with the seconds always written ({@code OffsetDateTime.toString()} leaves them out on the whole
     * minute, which strict readers refuse) and the fraction only as long as it needs to be.
     */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffsetId().toFormatter();

    /** Reads the envelope of a consumed record; a record that is not a CloudEvent is a poison message. */
    /** The {@code time} attribute of an event that occurred at {@code time}. */
    public static String time(OffsetDateTime time) {
        return TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static EventEnvelope from(ConsumerRecord<String, String> record) {
        return from(record.topic(), record.offset(), record.headers(), record.key(), record.value());
    }

    /** Reads the envelope of a record of a consumed batch; a record that is not a CloudEvent is a poison message. */
    public static EventEnvelope from(String topic, long offset, Headers headers, String key, String value) {
        String id = header(headers, HEADER_ID);
        String type = header(headers, HEADER_TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("not a CloudEvent: ce_id or ce_type header missing (topic "
                    + topic + ", offset " + offset + ")");
        }
        String time = header(headers, HEADER_TIME);
        OffsetDateTime parsedTime;
        try {
            parsedTime = time == null ? null : OffsetDateTime.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonEventException("not a CloudEvent: ce_time " + time + " is not a time (topic " + topic
                    + ", offset " + offset + ")", e);
        }
        return new EventEnvelope(id, header(headers, HEADER_SOURCE), type, header(headers, HEADER_SUBJECT),
                parsedTime, key, value);
    }

    /** The event name inside the type: {@code vn.gov.training.org-unit.created.v1} gives {@code created}. */
    public String eventName() {
        return EventTypes.eventName(type);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
