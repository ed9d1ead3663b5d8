package vn.gov.training.enrolment.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.gov.training.platform.limit.TokenBuckets;

/**
 * The limit of the public credential check per client address: {@code capacity} requests at once, refilled at
 * {@code refillPerMinute} ({@link TokenBuckets}, in memory: each instance allows its own share).
 */
@ApplicationScoped
public class RateLimiter {

    private final TokenBuckets buckets;

    RateLimiter(@ConfigProperty(name = "training.credential-verify.capacity", defaultValue = "10") int capacity,
                @ConfigProperty(name = "training.credential-verify.refill-per-minute", defaultValue = "30")
                int refillPerMinute) {
        this.buckets = new TokenBuckets(capacity, refillPerMinute);
    }

    /** @return 0 when the request may go ahead, else the seconds to wait before the next token */
    public long tryAcquire(String client) {
        return buckets.tryAcquire(client);
    }
}
