package vn.gov.training.gateway.proxy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per client (token subject, or IP address for anonymous calls): {@code requests-per-minute}
 * requests in a burst, refilled continuously. In memory: one gateway instance; several instances would each
 * allow the rate (a shared store would be the next step).
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(@ConfigProperty(name = "training.gateway.rate-limit.requests-per-minute") int perMinute) {
        this.capacity = perMinute;
        this.refillPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the seconds to wait before retrying. */
    public long acquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // crude bound on memory; a cleared bucket only makes the limit laxer for a moment
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
            return Math.max(1, (long) Math.ceil(missing / refillPerNano / 1_000_000_000d));
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
