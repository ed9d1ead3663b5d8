package vn.gov.training.reporting.projection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.resilience.ConsumerStoppedException;

/**
 * Which schema holds the read model in use. Every generation has its own schema ({@code rpt_g<n>}); a transaction
 * that reads or writes the read model first points its search path there ({@link #use(String)}), so the same SQL
 * serves the live model and one being rebuilt. The lock keeps live projection out while a rebuild switches over
 * (one service instance runs the projection; several would need a database lock instead).
 */
@ApplicationScoped
public class ReadModel {

    /**
     * The version of what the projection computes and of the tables it computes it in. Raise it with every change
     * of read-model/schema.sql or of the meaning of a figure: a generation built by an older version is neither read
     * nor written by this code (its tables may differ), and {@link ReadModelUpgrade} rebuilds it from the topics. No
     * migration changes a generation in place.
     */
    public static final int MODEL_VERSION = 17;

    /** A generation in use: its schema and the model version that built it. */
    public record Generation(String schema, int modelVersion) {

        /** Built by this code's model: its tables and figures are the ones this code reads and writes. */
        public boolean current() {
            return modelVersion >= MODEL_VERSION;
        }
    }

    private final Sql sql;
    private final ReadWriteLock switchLock = new ReentrantReadWriteLock(true);
    /** Notified when the generation in use changes, or when the service stops. */
    private final Object switched = new Object();
    private volatile Generation active;
    private volatile boolean stopping;

    public ReadModel(Sql sql) {
        this.sql = sql;
    }

    /** The schema of the generation in use, creating the first one on first use. */
    public String activeSchema() {
        return activeGeneration().schema();
    }

    /** The generation in use, creating the first one on first use. */
    public Generation activeGeneration() {
        Generation generation = active;
        if (generation == null) {
            synchronized (this) {
                if (active == null) {
                    active = QuarkusTransaction.requiringNew().call(this::findOrCreateFirst);
                }
                generation = active;
            }
        }
        return generation;
    }

    /**
     * Takes the generation in use from {@code report_generation} again (it is read once, then followed by the
     * switches of this instance), so that one marked there as of an older model is noticed without a restart.
     * Compared without the switch lock, and set with it, so that it never overtakes a switch.
     */
    public Generation reload() {
        Generation recorded = QuarkusTransaction.requiringNew().call(this::findOrCreateFirst);
        if (recorded.equals(activeGeneration())) {
            return recorded;
        }
        lockForSwitch();
        try {
            Generation now = QuarkusTransaction.requiringNew().call(this::findOrCreateFirst);
            setActive(now);
            return now;
        } finally {
            unlockAfterSwitch();
        }
    }

    /**
     * Points the current transaction at the active generation, for a report. A generation of an older model is not
     * read: the reports wait for the rebuild that replaces it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void useActive() {
        Generation generation = activeGeneration();
        if (!generation.current()) {
            throw new OutdatedReadModelException(generation);
        }
        use(generation.schema());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void use(String schema) {
        if (!schema.matches("rpt_g\\d+")) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        sql.execute("select set_config('search_path', ?, true)", schema + ", public");
        // distinct counts over tens of thousands of rows sort in memory rather than on disk
        sql.execute("select set_config('work_mem', '64MB', true)");
    }

    /**
     * Runs live projection work so that a switch-over never falls between reading the schema and writing to it. While
     * the generation in use is of an older model, the work waits for the rebuild that replaces it: its SQL is not
     * run on tables that may differ. The switch lock is not held while waiting, so the rebuild can switch.
     */
    public <T> T underLiveLock(Supplier<T> work) {
        awaitCurrentGeneration();
        switchLock.readLock().lock();
        try {
            return work.get();
        } finally {
            switchLock.readLock().unlock();
        }
    }

    public void lockForSwitch() {
        switchLock.writeLock().lock();
    }

    public void unlockAfterSwitch() {
        switchLock.writeLock().unlock();
    }

    /**
     * Called with the switch lock held, for a generation built by this code (and by the benchmark, which has no
     * generations table).
     */
    public void switchTo(String schema) {
        setActive(new Generation(schema, MODEL_VERSION));
    }

    private void setActive(Generation generation) {
        synchronized (switched) {
            active = generation;
            switched.notifyAll();
        }
    }

    private void awaitCurrentGeneration() {
        synchronized (switched) {
            while (!activeGeneration().current()) {
                if (stopping) {
                    throw new ConsumerStoppedException("read model", null);
                }
                try {
                    switched.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConsumerStoppedException("read model", e);
                }
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (switched) {
            stopping = true;
            switched.notifyAll();
        }
    }

    /** Creates the tables of a generation in a new schema. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createSchema(String schema) {
        if (!schema.matches("rpt_g\\d+")) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        sql.update("create schema " + schema);
        use(schema);
        for (String statement : ddl().split(";")) {
            if (!statement.isBlank()) {
                sql.update(statement);
            }
        }
    }

    private Generation findOrCreateFirst() {
        sql.execute("select pg_advisory_xact_lock(7310001)");
        Optional<Generation> found = sql.first(
                "select schema_name, model_version from public.report_generation where status = 'ACTIVE'",
                r -> new Generation(r.string("schema_name"), r.intValue("model_version")));
        if (found.isPresent()) {
            return found.get();
        }
        createSchema("rpt_g1");
        sql.update("""
                insert into public.report_generation (id, schema_name, status, switched_at, model_version)
                values (1, 'rpt_g1', 'ACTIVE', now(), ?)""", MODEL_VERSION);
        return new Generation("rpt_g1", MODEL_VERSION);
    }

    private static String ddl() {
        try (InputStream in = ReadModel.class.getResourceAsStream("/read-model/schema.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // drop comment lines so that splitting on ';' leaves plain statements
            return text.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("read-model/schema.sql missing", e);
        }
    }
}
