package vn.gov.training.enrolment.service;

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

import vn.gov.training.enrolment.domain.HistoryImportJob;
import vn.gov.training.platform.problem.Failures;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.resilience.DatabaseOutage;

/**
 * Who runs which history import (the rules of personnel's staff import): each instance has an id, a job it runs
 * names it as worker and is beaten every {@code training.imports.heartbeat} while it runs. A RUNNING job whose worker
 * is gone (instance killed, or its end could not be recorded because the database was away) is ended FAILED with
 * {@code import-interrupted} and the rows it had committed: at start-up, when the database returns and by a periodic
 * sweep. Uploading the same file again finishes it (rows already written count as unchanged).
 */
@ApplicationScoped
public class HistoryImportJobs {

    private static final Logger LOG = Logger.getLogger(HistoryImportJobs.class);

    @ConfigProperty(name = "training.imports.stale-after", defaultValue = "30s")
    Duration staleAfter;

    private final String instance = UUID.randomUUID().toString();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Messages messages;
    private final ObjectMapper json;

    HistoryImportJobs(Messages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public String instance() {
        return instance;
    }

    void started(UUID job) {
        running.add(job);
    }

    void ended(UUID job) {
        running.remove(job);
    }

    @Scheduled(every = "${training.imports.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> HistoryImportJob.update(
                    "heartbeatAt = ?1 where id in ?2 and status = 'RUNNING'", now(), Set.copyOf(running)));
        } catch (RuntimeException e) {
            LOG.debugf("History import heartbeat missed: %s", Failures.describe(e));
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
            LOG.debugf("History import sweep skipped: %s", Failures.describe(e));
        }
    }

    /** Ends every RUNNING job without a live worker; returns how many. */
    public int sweep() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<HistoryImportJob> orphans = HistoryImportJob.<HistoryImportJob>list(
                    "status = 'RUNNING' and (heartbeatAt is null or heartbeatAt < ?1 or worker = ?2)",
                    now().minus(staleAfter), instance).stream()
                    .filter(job -> !running.contains(job.id)).toList();
            for (HistoryImportJob job : orphans) {
                job.status = HistoryImportJob.Status.FAILED.name();
                job.errors = toJson(List.of(new HistoryImport.RowError(0, null, "import-interrupted",
                        messages.get("problem.import-interrupted.detail", job.processedRows, job.totalRows))));
                job.finishedAt = now();
                LOG.warnf("History import %s had lost its worker after %d of %d rows: ended FAILED", job.id,
                        job.processedRows, job.totalRows);
            }
            return orphans.size();
        });
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
