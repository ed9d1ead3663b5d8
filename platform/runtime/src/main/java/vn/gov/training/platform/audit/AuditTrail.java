package vn.gov.training.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.security.Caller;

/**
 * Records every change to a person, an enrolment or a result in the service's own database, in the transaction
 * of the change. Changes made by consumed events are attributed to the event ({@code event:<type>}).
 */
@ApplicationScoped
public class AuditTrail {

    private final ObjectMapper json;
    private final Instance<Caller> caller;

    AuditTrail(ObjectMapper json, Instance<Caller> caller) {
        this.json = json;
        this.caller = caller;
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
