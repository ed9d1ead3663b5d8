package vn.gov.training.platform.security;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;

/**
 * Keeps the {@link ScopeUnit} copy from personnel-service's {@code org-unit} events. A service wires it to its
 * own {@code @Incoming} channel through the idempotent consumer.
 */
@ApplicationScoped
public class ScopeUnitProjector {

    /** The fields of the org-unit events this copy uses; the producer's schema has more. */
    public record OrgUnitData(String code, String parentCode, String name, String kind, LocalDate validFrom,
                              LocalDate validTo) {
    }

    private final EventReader reader;
    private final EntityManager entityManager;

    ScopeUnitProjector(EventReader reader, EntityManager entityManager) {
        this.reader = reader;
        this.entityManager = entityManager;
    }

    /**
     * Applies a batch of org-unit events with one upsert statement: each unit takes the state of its last event in
     * the batch (every event carries the unit's full state).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<EventEnvelope> events) {
        Map<String, OrgUnitData> latest = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            OrgUnitData data = reader.read(event, OrgUnitData.class);
            if (data.code() == null) {
                throw new vn.gov.training.platform.event.PoisonEventException("org-unit event " + event.id()
                        + " has no unit code");
            }
            latest.remove(data.code());
            latest.put(data.code(), data);
        }
        if (latest.isEmpty()) {
            return;
        }
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into scope_unit (code, parent_code, name, kind, valid_from, valid_to)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (code) do update set parent_code = excluded.parent_code, name = excluded.name,
                        kind = excluded.kind, valid_from = excluded.valid_from, valid_to = excluded.valid_to""")) {
                for (OrgUnitData unit : latest.values()) {
                    upsert.setString(1, unit.code());
                    upsert.setString(2, unit.parentCode());
                    upsert.setString(3, unit.name());
                    upsert.setString(4, unit.kind());
                    setDate(upsert, 5, unit.validFrom());
                    setDate(upsert, 6, unit.validTo());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws java.sql.SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, Date.valueOf(date));
        }
    }
}
