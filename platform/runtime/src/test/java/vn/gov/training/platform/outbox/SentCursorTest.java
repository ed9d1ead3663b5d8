package vn.gov.training.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SentCursorTest {

    private static final long SECOND = 1_000_000_000L;
    private final SentCursor cursor = new SentCursor(Duration.ofSeconds(2));

    @Test
    void advancesOverContiguousIds() {
        cursor.sent(new Long[] {1L, 2L, 3L}, 0);
        assertEquals(3, cursor.after(0));
        cursor.sent(new Long[] {4L, 5L}, 0);
        assertEquals(5, cursor.after(0));
    }

    @Test
    void staysBelowAnIdNotCommittedYetAndMovesOnWhenItIsSent() {
        cursor.sent(new Long[] {1L, 2L, 4L, 5L}, 0);
        assertEquals(2, cursor.after(SECOND), "id 3 may still commit");
        cursor.sent(new Long[] {3L}, SECOND);
        assertEquals(5, cursor.after(SECOND));
    }

    @Test
    void passesAGapThatStaysOpenLongerThanItsPatience() {
        cursor.sent(new Long[] {1L, 3L, 4L}, 0);
        assertEquals(1, cursor.after(SECOND));
        assertEquals(4, cursor.after(2 * SECOND), "id 2 was rolled back or is very late");
        cursor.sent(new Long[] {2L}, 3 * SECOND); // sent by the look from the first unsent event
        assertEquals(4, cursor.after(3 * SECOND));
    }

    @Test
    void aNewGapGetsItsOwnPatience() {
        cursor.sent(new Long[] {1L, 3L}, 0);
        cursor.sent(new Long[] {2L, 5L}, 3 * SECOND / 2);
        assertEquals(3, cursor.after(2 * SECOND), "the gap at 4 was first seen at 1.5 s");
        assertEquals(5, cursor.after(4 * SECOND));
    }

    @Test
    void passesSeveralGapsOneAtATime() {
        cursor.sent(new Long[] {2L, 4L}, 0);
        assertEquals(0, cursor.after(0));
        assertEquals(2, cursor.after(2 * SECOND));
        assertEquals(2, cursor.after(3 * SECOND), "the gap at 3 is seen from 2 s");
        assertEquals(4, cursor.after(4 * SECOND));
    }
}
