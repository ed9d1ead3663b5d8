package vn.gov.training.platform.resilience;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code /q/health/ready}: the service is not ready while a consumer waits for a part to come back. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private final ConsumerHealth consumers;

    ConsumerReadiness(ConsumerHealth consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        return consumers.call();
    }
}
