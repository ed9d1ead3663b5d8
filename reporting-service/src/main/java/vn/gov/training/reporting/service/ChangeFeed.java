package vn.gov.training.reporting.service;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.reporting.projection.Sql;

/**
 * The change feed for systems that do not read Kafka: every event of the four topics (the same CloudEvents, the same
 * data) recorded once, in the order recorded ({@code position}, the cursor), kept {@code training.feed.retention}
 * after it was recorded; removal takes the oldest positions, and a cursor before the highest removed one has expired
 * (the reader would miss events). Recording takes a transaction-scoped lock, so positions are handed out in commit order and
 * a reader never passes an event that commits later with a smaller position. Each event keeps the unit it belongs to,
 * for the caller's scope; a person's date of birth is left out of the data unless the caller may see personal data.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    /** Key of the advisory lock that serialises recording (any constant the service uses for nothing else). */
    private static final long RECORDING_LOCK = 0x6665656400000001L;
    private static final String PREFIX = "vn.gov.training.";

    public record Event(long position, String id, String source, String type, String subject, OffsetDateTime time,
                        String data) {
    }

    /** A batch and the cursor to continue from (the last position read, or the one asked for when none). */
    public record Batch(List<Event> events, long cursor) {
    }

    private final Sql sql;
    private final ObjectMapper mapper;
    private final Duration retention;

    ChangeFeed(Sql sql, ObjectMapper mapper,
               @ConfigProperty(name = "training.feed.retention", defaultValue = "P90D") Duration retention) {
        this.sql = sql;
        this.mapper = mapper;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** The highest position recorded (0 when none): no event that commits later gets a smaller one. */
    public long head() {
        return sql.longValue("select coalesce(max(position), 0) from public.feed_event");
    }

    /** The highest position removed by retention: a cursor before it has expired. */
    public long expiredThrough() {
        return sql.longValue("select expired_through from public.feed_retention");
    }

    /**
     * Records a batch of consumed events, in order, with one JDBC batch, in the consumer's transaction; an event
     * recorded before (a redelivery) is left as it was: its id is unique, and so this is its claim.
     */
    public void recordAll(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        sql.execute("select pg_advisory_xact_lock(?)", RECORDING_LOCK);
        Map<String, String> enrolmentUnits = new HashMap<>(); // of this batch's enrolment events, not yet inserted
        List<Object[]> rows = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            String subject = event.subject() != null ? event.subject() : event.key();
            String unit = unitOf(event, enrolmentUnits);
            if (event.type().startsWith(PREFIX + "enrolment.") && subject != null) {
                enrolmentUnits.put(subject, unit);
            }
            rows.add(new Object[] {event.id(), event.source() == null ? "" : event.source(), event.type(), subject,
                    Timestamp.from(event.time() == null ? Instant.now() : event.time().toInstant()), unit,
                    event.data() == null ? "null" : event.data()});
        }
        sql.batch("insert into public.feed_event (event_id, source, type, subject, time, unit_code, data) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing", rows);
    }

    /**
     * Events after {@code cursor} (the oldest retained when null) whose type starts with one of {@code types} (all when empty), at most {@code limit},
     * of the units in {@code visibleUnits} (every unit when empty) plus the unit-less catalogue events.
     */
    public Batch read(Long cursor, List<String> types, int limit, Optional<Set<String>> visibleUnits,
                      boolean personalData) {
        long expiredThrough = sql.longValue("select expired_through from public.feed_retention");
        long after = cursor == null ? expiredThrough : cursor;
        if (after < expiredThrough) {
            throw new ProblemException(410, "feed-cursor-expired", after, retention.toDays());
        }
        StringBuilder where = new StringBuilder("position > ?");
        List<Object> params = new ArrayList<>(List.of(after));
        if (!types.isEmpty()) {
            where.append(" and (").append(String.join(" or ", types.stream().map(t -> "type like ?").toList()))
                    .append(")");
            types.forEach(t -> params.add(t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"));
        }
        if (visibleUnits.isPresent()) {
            where.append(" and (unit_code = any(?) or (unit_code is null and type like ?))");
            params.add(new Sql.TextArray(visibleUnits.get().toArray(String[]::new)));
            params.add(PREFIX + "program.%");
        }
        params.add(limit);
        List<Event> events = sql.list("select position, event_id, source, type, subject, time, data "
                + "from public.feed_event where " + where + " order by position limit ?", row -> {
                    String type = row.string("type");
                    String data = row.string("data");
                    return new Event(row.longValue("position"), row.string("event_id"), row.string("source"), type,
                            row.string("subject"), row.utcTime("time"),
                            personalData ? data : withoutPersonalData(type, data));
                }, params.toArray());
        return new Batch(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    /** Removes the events recorded before the retention; a cursor before the highest removed one has expired. */
    @Scheduled(every = "${training.feed.expiry-check:1h}", delayed = "1m",
               concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        expireBefore(Instant.now().minus(retention));
    }

    public int expireBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long highest = sql.first("with gone as (delete from public.feed_event where recorded_at < ? "
                    + "returning position) select max(position) from gone", r -> r.longOrNull(1),
                    Timestamp.from(cutoff)).orElse(null);
            if (highest == null) {
                return 0;
            }
            int updated = sql.update("update public.feed_retention set expired_through = greatest(expired_through, ?)",
                    highest);
            LOG.infof("Change feed: events before %s removed (retention %s), cursors up to %s expired", cutoff,
                    retention, highest);
            return updated;
        });
    }

    /**
     * The unit an event belongs to: the unit itself, the person's, the organising unit, the plan's, the learner's (for
     * a commitment or repayment, that of its enrolment's latest event: in {@code enrolmentUnits}, this batch's, by
     * subject, or else recorded).
     */
    private String unitOf(EventEnvelope event, Map<String, String> enrolmentUnits) {
        String type = event.type();
        if (type.startsWith(PREFIX + "org-unit.")) {
            return topLevelTexts(event.data(), "code")[0];
        }
        if (type.startsWith(PREFIX + "personnel.") || type.startsWith(PREFIX + "plan.")) {
            return topLevelTexts(event.data(), "orgUnitCode")[0];
        }
        if (type.startsWith(PREFIX + "class.")) {
            return topLevelTexts(event.data(), "organisingUnitCode")[0];
        }
        if (type.startsWith(PREFIX + "enrolment.")) {
            String[] units = topLevelTexts(event.data(), "personOrgUnitCode", "nominatingUnitCode");
            return units[0] != null ? units[0] : units[1];
        }
        if (type.startsWith(PREFIX + "commitment.") || type.startsWith(PREFIX + "repayment.")) {
            String enrolment = topLevelTexts(event.data(), "enrolmentId")[0];
            if (enrolment != null && enrolmentUnits.containsKey(enrolment)) {
                return enrolmentUnits.get(enrolment);
            }
            return enrolment == null ? null : sql.string("select unit_code from public.feed_event "
                    + "where subject = ? and type like ? order by position desc limit 1", enrolment,
                    PREFIX + "enrolment.%");
        }
        return null;
    }

    /**
     * The text values of the named top-level fields of a JSON object (null for a field missing, not text, or when the
     * data is no object), read as a stream: nested objects and arrays are skipped, not built (the whole tree of every
     * recorded event was about 5 % of the service's CPU in an import).
     */
    private String[] topLevelTexts(String data, String... fields) {
        String[] values = new String[fields.length];
        if (data == null) {
            return values;
        }
        try (JsonParser parser = mapper.getFactory().createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i].equals(name) && value == JsonToken.VALUE_STRING) {
                        values[i] = parser.getText();
                    }
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return new String[fields.length]; // unreadable data belongs to no unit, as before
        }
        return values;
    }

    private String withoutPersonalData(String type, String data) {
        if (!type.startsWith(PREFIX + "personnel.")) {
            return data;
        }
        JsonNode node = parse(data);
        if (node instanceof ObjectNode object && (object.has("dateOfBirth") || object.has("email"))) {
            object.remove("dateOfBirth");
            object.remove("email"); // the person's address (added to personnel events for enrolment's mails)
            return object.toString();
        }
        return data;
    }

    private JsonNode parse(String data) {
        try {
            return data == null ? mapper.nullNode() : mapper.readTree(data);
        } catch (IOException e) {
            return mapper.nullNode();
        }
    }
}
