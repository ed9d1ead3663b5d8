package vn.gov.training.platform.inbox;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.event.EventEnvelope;

/**
 * The processed-event table. Claiming an event in the same transaction as its effect makes consumption
 * idempotent: a redelivered event finds its id taken and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time this consumer sees this event id, false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Claims a batch's event ids in one statement, and turns parallel query off for the rest of the batch's
     * transaction: a batch's reads are lookups by key, and where PostgreSQL misestimates one of them (a key list whose
     * rows it overestimates) it starts parallel workers whose CPU is taken from the consumers sharing the machine,
     * without any batch the faster for it (at 100,000 staff: personnel's read of the national files ran with two
     * workers in 11 of 60 samples).
     *
     * @return the events this consumer sees for the first time, in the batch's order; an id that appears twice in
     *         the batch (a redelivery inside the batch) is returned once, at its first place
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> claimAll(String consumer, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> claimed = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement serial = connection.createStatement()) {
                serial.execute("set local max_parallel_workers_per_gather = 0");
            }
            Set<String> ids = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?::varchar[]) as id
                    on conflict do nothing returning event_id""")) {
                Array array = connection.createArrayOf("varchar",
                        events.stream().map(EventEnvelope::id).distinct().toArray());
                insert.setString(1, consumer);
                insert.setArray(2, array);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return ids;
        });
        List<EventEnvelope> fresh = new ArrayList<>(claimed.size());
        for (EventEnvelope event : events) {
            if (claimed.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }
}
