package vn.gov.training.platform.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness of the event consumers: DOWN while any consumer is waiting for a part to come back (its channel is held,
 * nothing is committed past the waiting record), with which consumer, why and since when. Published by
 * {@link ConsumerReadiness}.
 */
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    /** A consumer held by an outage. */
    public record Waiting(TransientFailure failure, Instant since, int attempts) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public void waiting(String consumer, TransientFailure failure, Instant since, int attempts) {
        waiting.put(consumer, new Waiting(failure, since, attempts));
    }

    public void resumed(String consumer) {
        waiting.remove(consumer);
    }

    /** The consumers waiting now, by name. */
    public Map<String, Waiting> waiting() {
        return new TreeMap<>(waiting);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").status(waiting.isEmpty());
        Instant now = Instant.now();
        waiting().forEach((consumer, held) -> response.withData(consumer,
                "waiting " + Duration.between(held.since(), now).toSeconds() + " s (attempt " + held.attempts()
                        + ") for " + held.failure().kind() + ": " + held.failure().description()));
        return response.build();
    }
}
