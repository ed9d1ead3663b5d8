package vn.gov.training.enrolment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import vn.gov.training.enrolment.domain.Notification;
import vn.gov.training.enrolment.domain.NotificationKind;
import vn.gov.training.enrolment.domain.NotificationPreference;
import vn.gov.training.enrolment.domain.PersonCopy;

/**
 * Records that a person is to be told a fact, in the caller's transaction (the one that consumes the fact). The row is
 * unique per kind, fact and person ({@code insert ... on conflict do nothing}): a fact learnt twice (a redelivered
 * event, a scheduled check run again) is recorded, and so mailed, once. A person who turned the kind off gets an
 * OPTED_OUT row, one without an e-mail address a NO_ADDRESS row: neither is sent, both show that the fact was seen.
 */
@ApplicationScoped
public class Notifications {

    private final EntityManager entityManager;

    Notifications(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true when this call recorded it (false: the fact was recorded before) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(NotificationKind kind, String factKey, PersonCopy person, NotificationTexts.Text text) {
        Notification.State state = person.email == null ? Notification.State.NO_ADDRESS
                : !NotificationPreference.enabled(person.personnelId, kind) ? Notification.State.OPTED_OUT
                : Notification.State.PENDING;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        NativeQuery<?> insert = entityManager.createNativeQuery("""
                        insert into notification (kind, fact_key, personnel_id, recipient, subject, body, state,
                                                  next_attempt_at, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
                        on conflict (kind, fact_key, personnel_id) do nothing""").unwrap(NativeQuery.class);
        int inserted = insert.setParameter(1, kind.name()).setParameter(2, factKey)
                .setParameter(3, person.personnelId).setParameter(4, person.email, String.class)
                .setParameter(5, truncate(text.subject(), 300))
                .setParameter(6, text.body()).setParameter(7, state.name()).setParameter(8, now)
                .executeUpdate();
        return inserted == 1;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
