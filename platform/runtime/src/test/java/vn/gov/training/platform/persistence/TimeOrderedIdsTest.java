package vn.gov.training.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidWithItsTimeInFront() {
        long at = 1_796_601_600_123L; // 2026-12-07T00:00:00.123Z
        UUID id = TimeOrderedIds.of(at, -1L, -1L);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at, id.getMostSignificantBits() >>> 16);
        assertEquals("01a24dcc-d87b-7fff-bfff-ffffffffffff", id.toString()); // time, version 7, variant 10, random
        assertEquals(7, TimeOrderedIds.next().version());
    }

    @Test
    void idsOfALaterMillisecondSortAfterAsBytesAndAsText() {
        UUID earlier = TimeOrderedIds.of(1_796_601_600_123L, -1L, -1L); // the largest random bits
        UUID later = TimeOrderedIds.of(1_796_601_600_124L, 0L, 0L); // the smallest

        // PostgreSQL's uuid order: the 16 bytes compared unsigned, i.e. the text's hex digits compared in order
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " before " + later);
        assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertEquals(100_000, ids.size());
        assertNotEquals(TimeOrderedIds.next(), TimeOrderedIds.next());
    }
}
