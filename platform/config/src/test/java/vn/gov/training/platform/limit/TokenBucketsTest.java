package vn.gov.training.platform.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    @Test
    void aClientMayBurstUpToTheCapacityThenWaitsForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(2, 1);
        assertEquals(0, buckets.tryAcquire("a"));
        assertEquals(0, buckets.tryAcquire("a"));
        long wait = buckets.tryAcquire("a");
        assertTrue(wait >= 1 && wait <= 60, "seconds to wait for one token at one a minute: " + wait);
    }

    @Test
    void eachClientHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1);
        assertEquals(0, buckets.tryAcquire("a"));
        assertTrue(buckets.tryAcquire("a") > 0);
        assertEquals(0, buckets.tryAcquire("b"));
    }
}
