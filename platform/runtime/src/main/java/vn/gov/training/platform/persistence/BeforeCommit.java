package vn.gov.training.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Rows that a transaction only appends (outbox events, audit records), kept in memory and written with one JDBC
 * batch just before the transaction commits, in the order they were added. One multi-row statement per
 * transaction replaces a round trip per row (an identity key makes Hibernate send each insert on its own), and a
 * transaction that rolls back writes nothing.
 */
@ApplicationScoped
public class BeforeCommit {

    /** Writes a transaction's rows of one kind, in order, on the transaction's connection. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(Connection connection, List<T> rows) throws SQLException;
    }

    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;

    BeforeCommit(TransactionSynchronizationRegistry transactions, EntityManager entityManager) {
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /**
     * The current transaction's rows written by {@code writer}, to append to; {@code writer} (one instance per kind,
     * it is also the key) runs once, before the commit, when there are rows.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> rows(Writer<T> writer) {
        List<T> rows = (List<T>) transactions.getResource(writer);
        if (rows == null) {
            List<T> pending = new ArrayList<>();
            transactions.putResource(writer, pending);
            // Hibernate runs it while it completes the transaction, after its flush, on the connection it still holds
            SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
            session.joinTransaction();
            session.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.BeforeCompletionCallback) s -> {
                        if (!pending.isEmpty()) {
                            s.doWork(c -> writer.write(c, pending));
                        }
                    });
            rows = pending;
        }
        return rows;
    }

    /**
     * The rows {@code writer} will write at the current transaction's commit, added so far (none: an empty list), for
     * a reader in the same transaction that must see them before they are in the table.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> pending(Writer<T> writer) {
        List<T> rows = (List<T>) transactions.getResource(writer);
        return rows == null ? List.of() : rows;
    }
}
