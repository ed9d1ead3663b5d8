package vn.gov.training.platform.imports;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;

import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.resilience.DatabaseOutage;

/**
 * Who runs which import, for every job entity of the service ({@link ImportJobEntity} subclasses). Each service
 * instance has an id; a job it runs names it as worker and is beaten every {@code training.imports.heartbeat} while it
 * runs. A RUNNING job whose worker is gone (the instance was killed, or its run ended without being able to record
 * the end because the database was away) is ended FAILED with the reason {@code import-interrupted} and the rows it
 * had committed: at start-up, when the database returns, and by a periodic sweep. Uploading the same file again
 * finishes it (rows already written are unchanged).
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    @ConfigProperty(name = "training.imports.stale-after", defaultValue = "30s")
    Duration staleAfter;

    private final String instance = UUID.randomUUID().toString();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Messages messages;
    private final ObjectMapper json;
    private final EntityManager entityManager;
    private volatile List<EntityType<?>> jobTypes;

    ImportJobs(Messages messages, ObjectMapper json, EntityManager entityManager) {
        this.messages = messages;
        this.json = json;
        this.entityManager = entityManager;
    }

    /** This instance's worker id. */
    public String instance() {
        return instance;
    }

    void started(UUID job) {
        running.add(job);
    }

    void ended(UUID job) {
        running.remove(job);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The job entities of this service; none in a service without imports. */
    private List<EntityType<?>> jobTypes() {
        if (jobTypes == null) {
            jobTypes = entityManager.getMetamodel().getEntities().stream()
                    .filter(type -> ImportJobEntity.class.isAssignableFrom(type.getJavaType())).toList();
        }
        return jobTypes;
    }

    @Scheduled(every = "${training.imports.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> jobTypes().forEach(type -> entityManager
                    .createQuery("update " + type.getName() + " set heartbeatAt = ?1 where id in ?2 and status = 'RUNNING'")
                    .setParameter(1, now()).setParameter(2, Set.copyOf(running)).executeUpdate()));
        } catch (RuntimeException e) {
            LOG.debugf("Import heartbeat missed: %s", Failures.describe(e));
        }
    }

    void atStart(@Observes StartupEvent start) {
        sweepQuietly();
    }

    void whenDatabaseReturns(@Observes DatabaseOutage.DatabaseRestored restored) {
        sweepQuietly();
    }

    @Scheduled(every = "${training.imports.sweep:15s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.debugf("Import sweep skipped: %s", Failures.describe(e));
        }
    }

    /**
     * Ends every RUNNING job without a live worker: a job of this instance that is no longer running here, or any
     * job whose heartbeat is older than {@code stale-after}.
     *
     * @return how many jobs were ended
     */
    public int sweep() {
        if (jobTypes().isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int ended = 0;
            for (EntityType<?> type : jobTypes()) {
                @SuppressWarnings("unchecked")
                List<ImportJobEntity> found = entityManager.createQuery("from " + type.getName()
                                + " where status = 'RUNNING' and (heartbeatAt is null or heartbeatAt < ?1 or worker = ?2)")
                        .setParameter(1, now().minus(staleAfter)).setParameter(2, instance).getResultList();
                List<ImportJobEntity> orphans = found.stream().filter(job -> !running.contains(job.id)).toList();
                for (ImportJobEntity job : orphans) {
                    fail(job, "import-interrupted");
                    LOG.warnf("%s %s had lost its worker after %d of %d rows: ended FAILED", type.getName(), job.id,
                            job.processedRows, job.totalRows);
                }
                ended += orphans.size();
            }
            return ended;
        });
    }

    /** Ends a job FAILED with one error naming the rows it had committed. */
    void fail(ImportJobEntity job, String code) {
        job.status = ImportJobEntity.Status.FAILED.name();
        job.errors = toJson(List.of(new RowError(0, null, code,
                messages.get("problem." + code + ".detail", job.processedRows, job.totalRows))));
        job.finishedAt = now();
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
