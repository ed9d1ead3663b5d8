package vn.gov.training.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    @Test
    void theTimeAttributeIsRfc3339InUtcWithItsSecondsEvenOnTheWholeMinute() {
        assertEquals("2026-12-03T09:00:00Z", EventEnvelope.time(OffsetDateTime.of(2026, 12, 3, 16, 0, 0, 0, VIETNAM)));
    }

    @Test
    void aFractionIsWrittenOnlyAsLongAsItNeedsToBe() {
        assertEquals("2026-12-03T09:00:05.12Z",
                EventEnvelope.time(OffsetDateTime.of(2026, 12, 3, 16, 0, 5, 120_000_000, VIETNAM)));
        assertEquals("2026-12-03T09:00:05.000001Z",
                EventEnvelope.time(OffsetDateTime.of(2026, 12, 3, 16, 0, 5, 1_000, VIETNAM)));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameInstant() {
        OffsetDateTime time = OffsetDateTime.of(2026, 12, 3, 16, 0, 0, 0, VIETNAM);
        assertEquals(time.toInstant(), OffsetDateTime.parse(EventEnvelope.time(time)).toInstant());
    }
}
