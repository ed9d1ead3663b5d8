package vn.gov.training.personnel.nationalsync.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import vn.gov.training.personnel.nationalsync.domain.DeliveryStatus;
import vn.gov.training.personnel.nationalsync.domain.FileSection;
import vn.gov.training.personnel.nationalsync.domain.NationalDelivery;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Sends the deliveries to the national database, every {@code training.national-sync.interval}. Each run first marks
 * the deliveries whose deadline passed OVERDUE, then takes the due ones, at most one per person: the person's earliest
 * delivery not accepted yet (a later one waits while an earlier one is pending, rejected or on its way). Taking them
 * ({@code for update skip locked}, marked SENT in the same transaction) is safe with several instances; the HTTP call
 * runs outside any transaction; its outcome is recorded in another. A batch holds at most one delivery of a person, so
 * its calls go out side by side, {@code parallel-calls} at a time: the national database is across the country's
 * network, and one call after another would make the round trip the limit (20 calls a second at 50 ms). An attempt without an answer (connection
 * refused, timeout, 5xx, 401/403, 429) is retried with back-off ({@code retry-initial} doubling to
 * {@code retry-max}); a delivery left SENT by an instance that died is taken again after {@code sent-timeout} (the
 * national side answers the same delivery id twice the same way).
 * <p>
 * The deliveries not accepted are those of {@code national_delivery_open} (kept by the database's triggers). A run
 * walks the people who have one once, in the order of that table's (person, sequence) index, looking at each person's
 * first open delivery only, a window of people at a time, each batch after the last person it took (or the end of the
 * window it looked through). A person with a dozen open deliveries (an import runs ahead of the national side) costs
 * one look, not a dozen: walking the open deliveries in sequence order and asking for each whether it was its
 * person's first read 145 million buffers in a million-turn import (366 s, personnel's largest statement). A delivery
 * passed over within a run (its person's earlier one was on its way, or it committed late with a lower sequence) is
 * taken by the next run.
 */
@ApplicationScoped
public class NationalConnector {

    private static final Logger LOG = Logger.getLogger(NationalConnector.class);
    private static final int BATCH = 100;
    /**
     * How many people with an open delivery a batch looks through for its due ones: nearly every person's first one is
     * due, but not while it is on its way or waits for a retry.
     */
    private static final int WINDOW = 2 * BATCH;
    /** Where a run's walk starts: before every person id (none is the nil UUID). */
    private static final UUID FIRST = new UUID(0, 0);

    private final EntityManager entityManager;
    private final NationalRegistryClient client;
    private final SyncClock clock;
    private final boolean enabled;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration sentTimeout;
    private final int parallelCalls;
    /** Set when the application stops: a run over a backlog ends after the batch on its way. */
    private volatile boolean stopping;

    NationalConnector(EntityManager entityManager, NationalRegistryClient client, SyncClock clock,
                      @ConfigProperty(name = "training.national-sync.enabled", defaultValue = "true") boolean enabled,
                      @ConfigProperty(name = "training.national-sync.retry-initial", defaultValue = "5s") Duration retryInitial,
                      @ConfigProperty(name = "training.national-sync.retry-max", defaultValue = "5m") Duration retryMax,
                      @ConfigProperty(name = "training.national-sync.sent-timeout", defaultValue = "2m") Duration sentTimeout,
                      @ConfigProperty(name = "training.national-sync.parallel-calls", defaultValue = "4") int parallelCalls) {
        this.entityManager = entityManager;
        this.client = client;
        this.clock = clock;
        this.enabled = enabled;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.sentTimeout = sentTimeout;
        this.parallelCalls = Math.max(1, parallelCalls);
    }

    @Scheduled(identity = "national-sync", every = "${training.national-sync.interval:5s}",
            delayed = "${training.national-sync.delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!enabled) {
            return;
        }
        markOverdue();
        Taken taken = Taken.NONE;
        do {
            taken = sendDue(taken.lastPerson());
        } while (taken.more() && !stopping);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Marks the deliveries not accepted by their deadline; returns how many. */
    public int markOverdue() {
        int marked = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        update national_delivery d set overdue_at = ?1,
                            status = case when d.status = 'PENDING' then 'OVERDUE' else d.status end
                        from national_delivery_open o
                        where o.deadline < ?2 and d.sequence = o.sequence and d.status <> 'ACCEPTED'
                          and d.overdue_at is null""")
                .setParameter(1, ProvinceTime.now()).setParameter(2, clock.today()).executeUpdate());
        if (marked > 0) {
            LOG.warnf("%d national delivery(ies) passed their deadline", marked);
        }
        return marked;
    }

    /**
     * What one batch took: how many deliveries; the person the next batch looks after (the last it took when it took
     * a whole batch, else the last of its window); whether people with open deliveries may lie beyond it.
     */
    public record Taken(int count, UUID lastPerson, boolean more) {
        static final Taken NONE = new Taken(0, FIRST, false);
    }

    /**
     * Sends one batch of the due deliveries of the people after {@code after} (in the order of person ids as the
     * database sorts them), one call each, and records their outcomes together.
     */
    public Taken sendDue(UUID after) {
        Batch batch = QuarkusTransaction.requiringNew().call(() -> take(after));
        if (!batch.deliveries().isEmpty()) {
            Map<UUID, NationalFileFormat.Answer> answers = sendAll(batch.deliveries());
            QuarkusTransaction.requiringNew().run(() -> record(answers));
        }
        return batch.taken();
    }

    /** A person's first open delivery, as the walk finds it. */
    private record Head(UUID person, long sequence) {
    }

    /** A delivery taken to be sent, with its call (made while its row is at hand). */
    private record Outgoing(UUID id, long sequence, NationalFileFormat.Call call) {
    }

    /** The deliveries a batch took, and what it tells the next batch. */
    private record Batch(List<Outgoing> deliveries, Taken taken) {
        static final Batch NONE = new Batch(List.of(), Taken.NONE);
    }

    /**
     * Takes the due deliveries among the first open ones of the next {@link #WINDOW} people after {@code after} and marks
     * them SENT, with one statement that returns what their calls need.
     */
    private Batch take(UUID after) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<Head> window = window(connection, after);
            if (window.isEmpty()) {
                return Batch.NONE;
            }
            UUID windowEnd = window.get(window.size() - 1).person();
            boolean windowFull = window.size() == WINDOW;
            List<Outgoing> taken = markSent(connection, window);
            if (taken.size() < BATCH) {
                return new Batch(taken, new Taken(taken.size(), windowEnd, windowFull));
            }
            // a whole batch: the rest of the window after the last person taken comes next
            Map<Long, Integer> place = new HashMap<>(window.size() * 2);
            for (int i = 0; i < window.size(); i++) {
                place.put(window.get(i).sequence(), i);
            }
            int last = taken.stream().mapToInt(delivery -> place.get(delivery.sequence())).max().orElseThrow();
            return new Batch(taken, new Taken(BATCH, window.get(last).person(), true));
        });
    }

    /**
     * The first open delivery of each of the next {@link #WINDOW} people after {@code after}, in the index's order: a
     * skip scan of national_delivery_open_person, one descent per person, written as a recursive query (PostgreSQL has
     * no skip scan of its own here). Through JDBC, as the other statement of {@link #take}: as a Hibernate native query
     * with a result type, its look-up in Hibernate's query plan cache compared its key with a long chain of keys of the
     * same hash at every call (2 % of this service's CPU in a turns import, JFR).
     */
    private static List<Head> window(Connection connection, UUID after) throws SQLException {
        List<Head> window = new ArrayList<>(WINDOW);
        try (PreparedStatement query = connection.prepareStatement("""
                with recursive head (person_id, sequence) as (
                    (select person_id, sequence from national_delivery_open where person_id > ?
                     order by person_id, sequence limit 1)
                    union all
                    select next.person_id, next.sequence from head cross join lateral (
                        select e.person_id, e.sequence from national_delivery_open e where e.person_id > head.person_id
                        order by e.person_id, e.sequence limit 1) next)
                select person_id, sequence from head limit ?""")) {
            query.setObject(1, after);
            query.setInt(2, WINDOW);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    window.add(new Head(rows.getObject(1, UUID.class), rows.getLong(2)));
                }
            }
        }
        return window;
    }

    /**
     * Marks SENT the due deliveries among the window's, at most {@link #BATCH}, each still its person's first not
     * accepted (one that committed late with a lower sequence goes first), locked ({@code skip locked}: another
     * instance's are passed over); returns them in sequence order with their calls made.
     */
    private List<Outgoing> markSent(Connection connection, List<Head> window) throws SQLException {
        OffsetDateTime now = ProvinceTime.now();
        List<Outgoing> taken = new ArrayList<>(BATCH);
        try (PreparedStatement take = connection.prepareStatement("""
                with due as materialized (
                    select d.id from unnest(?::bigint[]) with ordinality as w(sequence, place)
                        join national_delivery d on d.sequence = w.sequence
                    where ((d.status in ('PENDING', 'OVERDUE') and d.next_attempt_at <= ?)
                           or (d.status = 'SENT' and d.last_attempt_at < ?))
                      and d.sequence = (select e.sequence from national_delivery_open e
                                        where e.person_id = d.person_id order by e.sequence limit 1)
                    order by w.place limit ? for update of d skip locked)
                update national_delivery d set status = 'SENT', attempts = d.attempts + 1, last_attempt_at = ?
                from due where d.id = due.id
                returning d.id, d.sequence, d.revision, d.section, d.recorded_on, d.content""")) {
            take.setArray(1, connection.createArrayOf("bigint", window.stream().map(Head::sequence).toArray()));
            take.setObject(2, now);
            take.setObject(3, now.minus(sentTimeout));
            take.setInt(4, BATCH);
            take.setObject(5, now);
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    long sequence = rows.getLong(2);
                    taken.add(new Outgoing(id, sequence, NationalFileFormat.call(id, sequence, rows.getInt(3),
                            FileSection.valueOf(rows.getString(4)), rows.getObject(5, LocalDate.class),
                            rows.getString(6))));
                }
            }
        }
        taken.sort(Comparator.comparingLong(Outgoing::sequence));
        return taken;
    }

    /**
     * The batch's calls, {@code parallelCalls} at a time (each on a virtual thread; the deliveries are of different
     * people, so no person's order depends on which answer comes first); the answers in the batch's order.
     */
    private Map<UUID, NationalFileFormat.Answer> sendAll(List<Outgoing> taken) {
        Map<UUID, NationalFileFormat.Answer> answers = new LinkedHashMap<>();
        if (parallelCalls == 1 || taken.size() == 1) {
            taken.forEach(delivery -> answers.put(delivery.id(), send(delivery)));
            return answers;
        }
        Semaphore free = new Semaphore(parallelCalls);
        Map<UUID, Future<NationalFileFormat.Answer>> calls = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Outgoing delivery : taken) {
                free.acquireUninterruptibly();
                calls.put(delivery.id(), executor.submit(() -> {
                    try {
                        return send(delivery);
                    } finally {
                        free.release();
                    }
                }));
            }
        } // waits for every call
        calls.forEach((id, call) -> answers.put(id, answerOf(call)));
        return answers;
    }

    private static NationalFileFormat.Answer answerOf(Future<NationalFileFormat.Answer> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NationalFileFormat.Answer(NationalFileFormat.Outcome.FAILED, null, List.of(), "interrupted");
        } catch (ExecutionException e) {
            return new NationalFileFormat.Answer(NationalFileFormat.Outcome.FAILED, null, List.of(),
                    e.getCause().getClass().getSimpleName());
        }
    }

    /** One call, outside any transaction; an exception is an attempt without an answer. */
    private NationalFileFormat.Answer send(Outgoing delivery) {
        try {
            NationalRegistryClient.Reply reply = client.post(delivery.call().path(), delivery.call().body());
            return NationalFileFormat.answer(reply.status(), reply.body());
        } catch (Exception e) {
            return new NationalFileFormat.Answer(NationalFileFormat.Outcome.FAILED, null, List.of(),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /**
     * Records a batch's answers: the accepted ones (nearly all) with one statement, the others one by one. A delivery
     * no longer SENT was re-sent or changed meanwhile and keeps its state.
     */
    private void record(Map<UUID, NationalFileFormat.Answer> answers) {
        List<UUID> accepted = new ArrayList<>(answers.size());
        List<String> receipts = new ArrayList<>(answers.size());
        List<UUID> others = new ArrayList<>();
        answers.forEach((id, answer) -> {
            if (answer.outcome() == NationalFileFormat.Outcome.ACCEPTED) {
                accepted.add(id);
                receipts.add(answer.receipt());
            } else {
                others.add(id);
            }
        });
        if (!accepted.isEmpty()) {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement("""
                        update national_delivery d set status = 'ACCEPTED', receipt = a.receipt, accepted_at = ?,
                            last_error = null, rejection = null
                        from unnest(?::uuid[], ?::varchar[]) as a(id, receipt)
                        where d.id = a.id and d.status = 'SENT'""")) {
                    update.setObject(1, ProvinceTime.now());
                    update.setArray(2, connection.createArrayOf("uuid", accepted.toArray()));
                    update.setArray(3, connection.createArrayOf("varchar", receipts.toArray()));
                    update.executeUpdate();
                }
            });
        }
        if (!others.isEmpty()) {
            for (NationalDelivery d : NationalDelivery.<NationalDelivery>list("id in ?1", others)) {
                record(d, answers.get(d.id));
            }
        }
    }

    private void record(NationalDelivery d, NationalFileFormat.Answer answer) {
        if (d.status != DeliveryStatus.SENT) {
            return; // re-sent or changed meanwhile
        }
        OffsetDateTime now = ProvinceTime.now();
        switch (answer.outcome()) {
            case ACCEPTED -> throw new IllegalStateException("accepted deliveries are recorded together");
            case REJECTED -> {
                d.status = DeliveryStatus.REJECTED;
                d.rejection = NationalFileFormat.write(answer.reasons());
                d.lastError = null;
                LOG.infof("national delivery %s rejected (%d reason(s))", d.id, answer.reasons().size());
            }
            case FAILED -> {
                d.status = d.overdueAt != null ? DeliveryStatus.OVERDUE : DeliveryStatus.PENDING;
                d.nextAttemptAt = now.plus(backoff(d.attempts));
                String error = answer.error();
                d.lastError = error.length() > 500 ? error.substring(0, 500) : error;
                LOG.debugf("national delivery %s: attempt %d failed (%s)", d.id, d.attempts, d.lastError);
            }
        }
    }

    Duration backoff(int attempts) {
        Duration wait = retryInitial;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
