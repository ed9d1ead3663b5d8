package vn.gov.training.platform.persistence;

import java.util.function.IntSupplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Scheduled work over rows that fall due (commitments that end, changes that take effect): each batch runs in a
 * transaction of its own, taking its rows {@code for update skip locked}, so two instances never handle one row
 * twice and a long backlog never holds one long transaction.
 */
public final class DueRows {

    private DueRows() {
    }

    /**
     * Runs {@code batch} (which handles at most {@code size} due rows and says how many) again and again, each time
     * in a new transaction, until a batch handles fewer than {@code size}; returns how many rows were handled.
     */
    public static int drain(int size, IntSupplier batch) {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(batch::getAsInt);
            total += done;
            if (done < size) {
                return total;
            }
        }
    }
}
