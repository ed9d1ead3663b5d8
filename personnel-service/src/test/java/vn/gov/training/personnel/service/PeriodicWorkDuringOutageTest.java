package vn.gov.training.personnel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import vn.gov.training.platform.resilience.DatabaseOutage;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.Postgres;
import vn.gov.training.platform.testing.RealInfrastructure;

/**
 * Issue 19: periodic work (account provisioning, scheduled person changes) meets a database outage quietly: the
 * outage is logged once as a warning, no run ends in an error with a stack trace, and the work goes on when the
 * database is back.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PeriodicWorkDuringOutageTest {

    @Inject
    AccountWorker accounts;

    @Inject
    ScheduledChanges changes;

    @Inject
    DatabaseOutage outage;

    /** Every record logged while installed. */
    static final class Capture extends Handler {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void periodicWorkWaitsQuietlyForTheDatabaseAndGoesOnWhenItIsBack() {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Postgres.stop();
            try {
                accounts.run(); // meets the outage: ends quietly and records it
                assertTrue(outage.isOut(), "the failed run reported the outage");
                accounts.run(); // skipped while the outage lasts
                changes.scheduled();
            } finally {
                Postgres.start();
            }
            Poll.until(Duration.ofSeconds(90), outage::isOut, out -> !out);
            accounts.run();
            changes.scheduled();
        } finally {
            root.removeHandler(capture);
        }

        List<String> errors = capture.records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
        assertEquals(List.of(), errors);
        long warnings = capture.records.stream().filter(r -> DatabaseOutage.class.getName().equals(r.getLoggerName())
                && String.valueOf(r.getMessage()).startsWith("Database unavailable")).count();
        assertEquals(1, warnings, "the outage is logged once");
    }
}
