package vn.gov.training.platform.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
    private final EntityManager entityManager;

    AuditTrail(ObjectMapper json, Instance<Caller> caller, EntityManager entityManager) {
        this.json = json;
        this.caller = caller;
        this.entityManager = entityManager;
    }

    /** Many changes made by one actor (bulk writes such as imports), written with one JDBC batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAllAs(String actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        List<String[]> values = changes.stream().map(c -> new String[] {toJson(c.before()), toJson(c.after())})
                .toList();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_record (occurred_at, actor, entity_type, entity_id, action, before, after)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")) {
                for (int i = 0; i < changes.size(); i++) {
                    Change change = changes.get(i);
                    insert.setTimestamp(1, at);
                    insert.setString(2, actor);
                    insert.setString(3, change.entityType());
                    insert.setString(4, change.entityId().toString());
                    insert.setString(5, change.action());
                    insert.setString(6, values.get(i)[0]);
                    insert.setString(7, values.get(i)[1]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
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

    private void write(String actor, String entityType, Object entityId, String action, Object before,
                       Object after) {
        AuditRecord audit = new AuditRecord();
        audit.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        audit.actor = actor;
        audit.entityType = entityType;
        audit.entityId = entityId.toString();
        audit.action = action;
        audit.before = toJson(before);
        audit.after = toJson(after);
        audit.persist();
    }

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
