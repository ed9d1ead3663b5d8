package vn.gov.training.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
}
