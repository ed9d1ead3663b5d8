package vn.gov.training.platform.outbox;

import java.time.Duration;
import java.util.TreeSet;

/**
 * Where the relay's next look starts: after the highest id up to which every event was sent or is given up waiting
 * for. Ids are taken when events are written and transactions commit out of id order, so an id below the last one sent
 * may still commit: the cursor stays below such a gap and passes it only once it has stayed open for
 * {@code patience} (a rolled-back transaction leaves its ids unused for good). An event that commits after its gap
 * was passed is found by the relay's scheduled look from the first unsent event. Not thread-safe: only the relay that
 * holds its running flag uses it.
 */
final class SentCursor {

    private final long patienceNanos;
    private final TreeSet<Long> sentAbove = new TreeSet<>();
    /** Every id up to this one was sent or given up. */
    private long floor;
    /** The floor at which the current gap was first seen, and when (System.nanoTime); -1 when there is no gap. */
    private long gapFloor = -1;
    private long gapSince;

    SentCursor(Duration patience) {
        this.patienceNanos = patience.toNanos();
    }

    /** The id after which the next look starts; passes the gap above the floor if it stayed open too long. */
    long after(long nanoTime) {
        if (!sentAbove.isEmpty() && gapFloor == floor && nanoTime - gapSince >= patienceNanos) {
            floor = sentAbove.first() - 1;
            advance(nanoTime);
        }
        return floor;
    }

    /** Records the ids of a batch Kafka acknowledged. */
    void sent(Long[] ids, long nanoTime) {
        for (Long id : ids) {
            if (id > floor) {
                sentAbove.add(id);
            }
        }
        advance(nanoTime);
    }

    private void advance(long nanoTime) {
        while (!sentAbove.isEmpty() && sentAbove.first() == floor + 1) {
            floor = sentAbove.pollFirst();
        }
        if (sentAbove.isEmpty()) {
            gapFloor = -1;
        } else if (gapFloor != floor) {
            gapFloor = floor;
            gapSince = nanoTime;
        }
    }
}
