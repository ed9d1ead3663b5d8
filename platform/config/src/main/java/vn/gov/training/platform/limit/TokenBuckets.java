package vn.gov.training.platform.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client, in memory: {@code capacity} requests at once, refilled continuously at
 * {@code refillPerMinute}. Enough for one instance; several instances would each allow the rate (a shared store
 * would be the next step). The gateway's and the services' rate limiters configure one each.
 */
public final class TokenBuckets {

    private static final int MAX_CLIENTS = 100_000;
    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, int refillPerMinute) {
        this.capacity = capacity;
        this.refillPerNano = refillPerMinute / NANOS_PER_MINUTE;
    }

    /** Takes one token from the client's bucket: 0 when the request may go ahead, else the seconds to wait. */
    public long tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // crude bound on memory: forgetting buckets only makes the limit laxer for a moment
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, System.nanoTime()));
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * refillPerNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missing = 1 - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / refillPerNano / 1e9));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
