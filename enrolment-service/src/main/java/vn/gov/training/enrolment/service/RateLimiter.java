package vn.gov.training.enrolment.service;

import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per client address, in memory: {@code capacity} requests at once, refilled at
 * {@code refillPerMinute}. Enough for one instance; several instances would each allow their own share.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    @ConfigProperty(name = "training.credential-verify.capacity", defaultValue = "10")
    int capacity;

    @ConfigProperty(name = "training.credential-verify.refill-per-minute", defaultValue = "30")
    int refillPerMinute;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedNanos;
    }

    /** @return 0 when the request may go ahead, else the seconds to wait before the next token */
    public long tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // crude bound on memory: forgetting buckets only ever lets requests through
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> {
            Bucket b = new Bucket();
            b.tokens = capacity;
            b.updatedNanos = System.nanoTime();
            return b;
        });
        synchronized (bucket) {
            long now = System.nanoTime();
            double perNano = refillPerMinute / 60e9;
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedNanos) * perNano);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
        }
    }
}
