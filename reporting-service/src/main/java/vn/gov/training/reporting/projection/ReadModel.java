package vn.gov.training.reporting.projection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Which schema holds the read model in use. Every generation has its own schema ({@code rpt_g<n>}); a transaction
 * that reads or writes the read model first points its search path there ({@link #use(String)}), so the same SQL
 * serves the live model and one being rebuilt. The lock keeps live projection out while a rebuild switches over
 * (one service instance runs the projection; several would need a database lock instead).
 */
@ApplicationScoped
public class ReadModel {

    /**
     * The version of what the projection computes. A generation built by an older version holds figures of another
     * definition: {@link ReadModelUpgrade} rebuilds it from the topics. Raise it with every change of meaning.
     */
    public static final int MODEL_VERSION = 17;

    private final Sql sql;
    private final ReadWriteLock switchLock = new ReentrantReadWriteLock(true);
    private volatile String active;

    public ReadModel(Sql sql) {
        this.sql = sql;
    }

    /** The schema of the generation in use, creating the first one on first use. */
    public String activeSchema() {
        String schema = active;
        if (schema == null) {
            synchronized (this) {
                if (active == null) {
                    active = QuarkusTransaction.requiringNew().call(this::findOrCreateFirst);
                }
                schema = active;
            }
        }
        return schema;
    }

    /** Points the current transaction at the active generation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void useActive() {
        use(activeSchema());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void use(String schema) {
        if (!schema.matches("rpt_g\\d+")) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        sql.rows("select set_config('search_path', ?, true)", schema + ", public");
        // distinct counts over tens of thousands of rows sort in memory rather than on disk
        sql.rows("select set_config('work_mem', '64MB', true)");
    }

    /** Runs live projection work so that a switch-over never falls between reading the schema and writing to it. */
    public <T> T underLiveLock(Supplier<T> work) {
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

    /** Called with the switch lock held (and by the benchmark, which has no generations table). */
    public void switchTo(String schema) {
        active = schema;
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

    private String findOrCreateFirst() {
        sql.rows("select pg_advisory_xact_lock(7310001)");
        Object found = sql.value("select schema_name from public.report_generation where status = 'ACTIVE'");
        if (found != null) {
            return (String) found;
        }
        createSchema("rpt_g1");
        sql.update("""
                insert into public.report_generation (id, schema_name, status, switched_at, model_version)
                values (1, 'rpt_g1', 'ACTIVE', now(), ?)""", MODEL_VERSION);
        return "rpt_g1";
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
