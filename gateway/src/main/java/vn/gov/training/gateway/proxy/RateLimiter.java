package vn.gov.training.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.gov.training.platform.limit.TokenBuckets;

/**
 * The gateway's limit per client (token subject, or IP address for anonymous calls): {@code requests-per-minute}
 * requests in a burst, refilled continuously ({@link TokenBuckets}, in memory: one gateway instance).
 */
@ApplicationScoped
public class RateLimiter {

    private final TokenBuckets buckets;

    public RateLimiter(@ConfigProperty(name = "training.gateway.rate-limit.requests-per-minute") int perMinute) {
        this.buckets = new TokenBuckets(perMinute, perMinute);
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the seconds to wait before retrying. */
    public long acquire(String client) {
        return buckets.tryAcquire(client);
    }
}
