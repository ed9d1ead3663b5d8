package vn.gov.training.platform.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers for rows written in large numbers (events, deliveries, turns, levels, people): version 7 UUIDs (RFC 9562),
 * the Unix time in milliseconds in their first 48 bits, then 74 random bits. Ids made about the same time sort
 * together, as UUIDs (PostgreSQL compares them byte by byte) and as their text (the inbox keeps event ids as text), so
 * an index on them grows at its right edge: a batch's inserts touch a few pages of it instead of one page each
 * anywhere in an index the size of the table (and after a checkpoint, one full page image each in the WAL). They reveal
 * when a row was made, as its own dates do; they are no secret and no sequence.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return of(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** The id of a time with these random bits (the version's and the variant's bits are set over them). */
    static UUID of(long unixMillis, long randomA, long randomB) {
        long high = (unixMillis << 16) | 0x7000L | (randomA & 0x0FFFL);
        long low = (randomB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
