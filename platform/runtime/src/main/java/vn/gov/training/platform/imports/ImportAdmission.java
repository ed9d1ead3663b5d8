package vn.gov.training.platform.imports;

import java.util.concurrent.Semaphore;

/**
 * How many rows the imports running on one instance hold at once. A running import keeps its file's rows and its
 * checked items in memory (about 1.3 KB a row of the history import), so the heap bounds them: a file is admitted
 * when its rows fit beside those of the imports already running, and gives them back when its job ends.
 */
final class ImportAdmission {

    private final int capacity;
    private final Semaphore free;

    ImportAdmission(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.free = new Semaphore(this.capacity);
    }

    /** The rows a file of {@code rows} takes: at least one (an empty file is a job too), at most the whole capacity. */
    int weight(int rows) {
        return Math.min(capacity, Math.max(1, rows));
    }

    /** Takes the file's rows when they fit now; false when they do not (nothing taken). */
    boolean tryAdmit(int weight) {
        return free.tryAcquire(weight);
    }

    void release(int weight) {
        free.release(weight);
    }

    /** Rows free now (for tests). */
    int available() {
        return free.availablePermits();
    }
}
