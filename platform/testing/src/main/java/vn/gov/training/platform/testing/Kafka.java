package vn.gov.training.platform.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Kafka access for tests, built on the real broker (never a container on our machines). */
public final class Kafka {

    private Kafka() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(Infrastructure.get().kafkaBootstrapServers());
    }

    /** Stops the test stack's broker, for tests that show no event is lost while Kafka is away. */
    public static void stopBroker() {
        LocalStack.stack("down", "kafka");
    }

    public static void startBroker() {
        LocalStack.stack("up", "kafka");
    }
}
