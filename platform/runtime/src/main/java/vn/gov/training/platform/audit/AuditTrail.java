package vn.gov.training.platform.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.persistence.BeforeCommit;
import vn.gov.training.platform.security.Caller;

/**
 * Records every change to a person, an enrolment or a result in the service's own database, in the transaction
 * of the change. Changes made by consumed events are attributed to the event ({@code event:<type>}).
 */
@ApplicationScoped
public class AuditTrail {

    /** One change of a bulk write ({@link #recordAllAs(String, List)}). {@code before} is null for a creation. */
    public record Change(String entityType, Object entityId, String action, Object before, Object after) {
    }

    private final ObjectMapper json;
    private final Instance<Caller> caller;
    private final BeforeCommit beforeCommit;

    AuditTrail(ObjectMapper json, Instance<Caller> caller, BeforeCommit beforeCommit) {
        this.json = json;
        this.caller = caller;
        this.beforeCommit = beforeCommit;
    }

    /** Many changes made by one actor (bulk writes such as imports). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAllAs(String actor, List<Change> changes) {
        Timestamp at = now();
        List<Row> rows = beforeCommit.rows(WRITER);
        for (Change change : changes) {
            rows.add(new Row(at, actor, change.entityType(), change.entityId().toString(), change.action(),
                    toJson(change.before()), toJson(change.after())));
        }
    }

    /** A change made by the current caller. {@code before} is null for a creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, Object entityId, String action, Object before, Object after) {
        write(currentActor(), entityType, entityId, action, before, after);
    }

    /** A change made on behalf of someone other than the HTTP caller, e.g. a consumed event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actor, String entityType, Object entityId, String action, Object before,
                         Object after) {
        write(actor, entityType, entityId, action, before, after);
    }

    public List<AuditRecord> history(String entityType, Object entityId) {
        return AuditRecord.list("entityType = ?1 and entityId = ?2 order by id", entityType, entityId.toString());
    }

    /** The record is written with the transaction's other records just before it commits ({@link BeforeCommit}). */
    private void write(String actor, String entityType, Object entityId, String action, Object before,
                       Object after) {
        beforeCommit.rows(WRITER).add(new Row(now(), actor, entityType, entityId.toString(), action, toJson(before),
                toJson(after)));
    }

    private static Timestamp now() {
        return Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
    }

    private record Row(Timestamp occurredAt, String actor, String entityType, String entityId, String action,
                       String before, String after) {
    }

    private static final BeforeCommit.Writer<Row> WRITER = (connection, rows) -> {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_record (occurred_at, actor, entity_type, entity_id, action, before, after)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")) {
            for (Row row : rows) {
                insert.setTimestamp(1, row.occurredAt());
                insert.setString(2, row.actor());
                insert.setString(3, row.entityType());
                insert.setString(4, row.entityId());
                insert.setString(5, row.action());
                insert.setString(6, row.before());
                insert.setString(7, row.after());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    };

    private String currentActor() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        return caller.get().name();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value cannot be serialised", e);
        }
    }
}
