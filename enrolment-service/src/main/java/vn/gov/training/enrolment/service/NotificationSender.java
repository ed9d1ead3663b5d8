package vn.gov.training.enrolment.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import vn.gov.training.enrolment.domain.Notification;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.resilience.SkipsDuringOutage;

/**
 * Sends PENDING notifications through the SMTP server (Quarkus Mailer), outside any database transaction. Each batch
 * is leased first ({@code next_attempt_at} moved {@code training.notifications.lease} ahead, rows taken
 * {@code for update skip locked}), so two instances never send one row at the same time; a row is SENT once the
 * server accepted it. A failing server only delays: the row stays PENDING and is tried again after a back-off that
 * doubles from {@code first-backoff} up to {@code max-backoff}, without limit. A crash between the server's answer and
 * the mark sends that one mail again when the lease ends (at least once, the SMTP way). Logs carry the row's id and
 * kind, never an address or a text.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final int BATCH = 20;

    private final Mailer mailer;
    private final EntityManager entityManager;

    @ConfigProperty(name = "training.notifications.lease", defaultValue = "5m")
    Duration lease;

    @ConfigProperty(name = "training.notifications.first-backoff", defaultValue = "30s")
    Duration firstBackoff;

    @ConfigProperty(name = "training.notifications.max-backoff", defaultValue = "30m")
    Duration maxBackoff;

    NotificationSender(Mailer mailer, EntityManager entityManager) {
        this.mailer = mailer;
        this.entityManager = entityManager;
    }

    @SkipsDuringOutage
    @Scheduled(identity = "notification-sender", every = "${training.notifications.send-interval:5s}",
            delayed = "${training.notifications.send-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sendDue();
    }

    /** Sends every due notification, batch by batch; returns how many were tried. */
    public int sendDue() {
        int total = 0;
        while (true) {
            List<Long> leased = QuarkusTransaction.requiringNew().call(this::leaseBatch);
            for (Long id : leased) {
                send(id);
            }
            total += leased.size();
            if (leased.size() < BATCH) {
                return total;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> leaseBatch() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Number> ids = entityManager.createNativeQuery("""
                        update notification set next_attempt_at = ?1 where id in (
                            select id from notification where state = 'PENDING' and next_attempt_at <= ?2
                            order by next_attempt_at, id limit ?3 for update skip locked)
                        returning id""")
                .setParameter(1, now.plus(lease)).setParameter(2, now).setParameter(3, BATCH).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private void send(Long id) {
        Notification n = QuarkusTransaction.requiringNew().call(() -> {
            Notification found = Notification.findById(id);
            return found != null && found.state == Notification.State.PENDING ? found : null;
        });
        if (n == null) {
            return;
        }
        try {
            mailer.send(Mail.withText(n.recipient, n.subject, n.body));
        } catch (RuntimeException e) {
            int attempts = n.attempts + 1;
            Duration wait = backoff(attempts);
            LOG.warnf("Notification %d (%s) not sent (attempt %d), tried again in %d s: %s", id, n.kind, attempts,
                    wait.toSeconds(), Failures.describe(e));
            QuarkusTransaction.requiringNew().run(() -> {
                Notification failed = Notification.findById(id);
                failed.attempts = attempts;
                failed.lastError = Failures.describe(e).length() > 500 ? Failures.describe(e).substring(0, 500)
                        : Failures.describe(e);
                failed.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC).plus(wait);
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Notification sent = Notification.findById(id);
            sent.state = Notification.State.SENT;
            sent.attempts++;
            sent.lastError = null;
            sent.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
        });
    }

    Duration backoff(int attempts) {
        long millis = firstBackoff.toMillis() << Math.min(attempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
