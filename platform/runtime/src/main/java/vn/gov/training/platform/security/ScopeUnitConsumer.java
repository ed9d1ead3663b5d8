package vn.gov.training.platform.security;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.inbox.IdempotentConsumer;

/**
 * Feeds a service's unit copy from the {@code org-unit} topic. Services other than personnel-service switch it on
 * with {@code training.org-unit-copy.enabled=true} and configure the {@code org-unit-copy} channel.
 */
@ApplicationScoped
@IfBuildProperty(name = "training.org-unit-copy.enabled", stringValue = "true")
public class ScopeUnitConsumer {

    private final IdempotentConsumer consumer;
    private final ScopeUnitProjector projector;

    ScopeUnitConsumer(IdempotentConsumer consumer, ScopeUnitProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("org-unit-copy")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume("org-unit-copy", batch, projector::applyAll);
    }
}
