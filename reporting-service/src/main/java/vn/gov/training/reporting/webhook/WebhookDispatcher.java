package vn.gov.training.reporting.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.resilience.SkipsDuringOutage;
import vn.gov.training.platform.security.UnitHierarchy;
import vn.gov.training.reporting.projection.OutdatedReadModelException;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.service.ChangeFeed;

/**
 * Delivers the change feed to the webhook subscriptions, every {@code training.webhooks.interval}. A run takes the
 * due ACTIVE subscriptions ({@code for update skip locked}, claimed until {@code now + 2 × timeout}, the claim
 * renewed after each delivery), and for each sends the events after its cursor that its types and scope select, in
 * feed order, one request at a time, outside any transaction: a 2xx moves the cursor past the event; anything else
 * (no answer, timeout, 3xx, 4xx, 5xx) keeps it there and tries the same event again after a back-off
 * ({@code retry-initial} doubling to {@code retry-max}), so one subscription's events never overtake each other.
 * Every attempt is written to the delivery log. All state is in the database: after a restart (or on another
 * instance, once the claim has passed) delivery continues from the cursor; an event sent just before a crash and not
 * yet recorded is sent again (at least once: receivers drop repeats by {@code ce-id}). A cursor whose events
 * retention removed jumps to the oldest retained event, logged as EXPIRED.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int CLAIMS = 10;

    private final Sql sql;
    private final ChangeFeed feed;
    private final WebhookTargets targets;
    private final UnitHierarchy hierarchy;
    private final Duration timeout;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final int batch;
    private final HttpClient http;

    WebhookDispatcher(Sql sql, ChangeFeed feed, WebhookTargets targets, UnitHierarchy hierarchy,
                      @ConfigProperty(name = "training.webhooks.timeout", defaultValue = "10s") Duration timeout,
                      @ConfigProperty(name = "training.webhooks.retry-initial", defaultValue = "5s") Duration retryInitial,
                      @ConfigProperty(name = "training.webhooks.retry-max", defaultValue = "10m") Duration retryMax,
                      @ConfigProperty(name = "training.webhooks.batch", defaultValue = "50") int batch) {
        this.sql = sql;
        this.feed = feed;
        this.targets = targets;
        this.hierarchy = hierarchy;
        this.timeout = timeout;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.batch = batch;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @SkipsDuringOutage
    @Scheduled(identity = "webhooks", every = "${training.webhooks.interval:2s}", delayed = "${training.webhooks.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Set<String> handled = new HashSet<>();
        List<UUID> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(() -> claim(handled));
            for (UUID id : claimed) {
                handled.add(id.toString());
                try {
                    deliver(id);
                } finally {
                    QuarkusTransaction.requiringNew().run(() -> sql.update(
                            "update public.webhook_subscription set claimed_until = null where id = ?", id));
                }
            }
        } while (claimed.size() == CLAIMS);
    }

    /** Due subscriptions not handled in this run yet, claimed. */
    private List<UUID> claim(Set<String> handled) {
        List<UUID> due = sql.list("select id from public.webhook_subscription where status = 'ACTIVE' "
                + "and next_attempt_at <= now() and (claimed_until is null or claimed_until < now()) "
                + "and not (cast(id as varchar) = any(?)) "
                + "order by next_attempt_at limit ? for update skip locked", r -> r.uuid("id"), Sql.texts(handled),
                CLAIMS);
        for (UUID id : due) {
            renewClaim(id);
        }
        return due;
    }

    private void renewClaim(UUID id) {
        sql.update("update public.webhook_subscription set claimed_until = ? where id = ?",
                Timestamp.from(Instant.now().plus(timeout.multipliedBy(2))), id);
    }

    /**
     * Sends the subscription's next events, batch after batch, until they are all sent or one fails; after
     * {@code timeout} it stops after its batch and leaves the rest to the next run (others' turn).
     */
    void deliver(UUID id) {
        long until = System.nanoTime() + timeout.toNanos();
        while (deliverBatch(id) && System.nanoTime() < until) {
            // a full batch went out: there may be more
        }
    }

    /** One batch; true when it was full and every event of it was delivered. */
    private boolean deliverBatch(UUID id) {
        Optional<Subscription> active = sql.first("select " + Subscription.COLUMNS
                + " from public.webhook_subscription where id = ? and status = 'ACTIVE'", Subscription::of, id);
        if (active.isEmpty()) {
            return false;
        }
        Subscription s = active.get();
        long cursor = s.cursor();
        long expired = feed.expiredThrough();
        if (cursor < expired) {
            long from = cursor;
            QuarkusTransaction.requiringNew().run(() -> {
                log(id, null, null, expired, 0, "EXPIRED", null, "events after " + from + " removed by retention",
                        null);
                sql.update("update public.webhook_subscription set cursor = ?, attempts = 0 where id = ?", expired, id);
            });
            cursor = expired;
        }
        long head = feed.head();
        Optional<Set<String>> units;
        try {
            units = s.provinceWide() ? Optional.empty()
                    : Optional.of(s.orgUnit() == null ? Set.of() : hierarchy.subtree(s.orgUnit()));
        } catch (OutdatedReadModelException e) {
            // the unit tree is rebuilt for a newer model: a scoped subscription goes on after the switch
            return false;
        }
        ChangeFeed.Batch events = feed.read(cursor, s.types(), batch, units, s.personalData());
        int attempts = s.attempts();
        for (ChangeFeed.Event event : events.events()) {
            Attempt attempt = send(s, event);
            int number = attempts + 1;
            if (attempt.delivered()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    log(id, event.id(), event.type(), event.position(), number, "DELIVERED", attempt.status(), null,
                            attempt.millis());
                    sql.update("update public.webhook_subscription set cursor = ?, attempts = 0, last_error = null, "
                            + "last_delivered_at = now() where id = ?", event.position(), id);
                    renewClaim(id);
                });
                attempts = 0;
            } else {
                QuarkusTransaction.requiringNew().run(() -> {
                    log(id, event.id(), event.type(), event.position(), number, "FAILED", attempt.status(),
                            attempt.error(), attempt.millis());
                    sql.update("update public.webhook_subscription set attempts = ?, last_error = ?, "
                                    + "next_attempt_at = ? where id = ?", number, attempt.error(),
                            Timestamp.from(Instant.now().plus(backoff(number))), id);
                });
                LOG.debugf("webhook %s: attempt %d at event %s failed (%s)", id, number, event.id(), attempt.error());
                return false;
            }
        }
        if (events.events().size() < batch) {
            // nothing else of its types and scope up to the head: the events in between are passed
            long passed = Math.max(head, events.cursor());
            QuarkusTransaction.requiringNew().run(() -> sql.update(
                    "update public.webhook_subscription set cursor = greatest(cursor, ?) where id = ?", passed, id));
            return false;
        }
        return true;
    }

    private record Attempt(boolean delivered, Integer status, String error, int millis) {
    }

    /** One request: the event in CloudEvents binary mode, signed; never throws. */
    private Attempt send(Subscription s, ChangeFeed.Event event) {
        long started = System.nanoTime();
        Optional<String> refusal = targets.refusal(s.targetUrl());
        if (refusal.isPresent()) {
            return new Attempt(false, null, refusal.get(), 0);
        }
        byte[] body = event.data() == null ? "null".getBytes(StandardCharsets.UTF_8)
                : event.data().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.targetUrl())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", event.id())
                .header("ce-source", event.source())
                .header("ce-type", event.type())
                .header("ce-time", EventEnvelope.time(event.time()))
                .header("ce-feedcursor", Long.toString(event.position()))
                .header(WebhookSignature.ID, event.id())
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(s.secret(), event.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (event.subject() != null) {
            request.header("ce-subject", event.subject());
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Attempt(ok, status, ok ? null : "HTTP " + status, millis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, null, "interrupted", millis(started));
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Attempt(false, null, error.length() > 500 ? error.substring(0, 500) : error, millis(started));
        }
    }

    private void log(UUID id, String eventId, String type, long position, int attempt, String outcome,
                     Integer status, String error, Integer millis) {
        // the subscription may have been deleted meanwhile: then there is nothing to log
        sql.update("insert into public.webhook_delivery (subscription_id, event_id, event_type, position, attempt, "
                        + "attempted_at, outcome, http_status, error, duration_ms) select cast(? as uuid), cast(? as varchar), "
                        + "cast(? as varchar), cast(? as bigint), cast(? as integer), now(), cast(? as varchar), "
                        + "cast(? as integer), cast(? as varchar), cast(? as integer) "
                        + "where exists (select 1 from public.webhook_subscription where id = ?)",
                id, eventId, type, position, attempt, outcome, status, error, millis, id);
    }

    private static int millis(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    Duration backoff(int attempts) {
        Duration wait = retryInitial;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
