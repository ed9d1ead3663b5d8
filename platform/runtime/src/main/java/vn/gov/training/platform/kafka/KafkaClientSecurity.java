package vn.gov.training.platform.kafka;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The broker's authentication and encryption settings ({@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}) for the Kafka clients the platform makes itself (outbox relay, dead-letter re-drive, read-model
 * rebuild): the same the connector's channels take from the {@code kafka.*} defaults. Unset locally (plain text on
 * 127.0.0.1); in production e.g. SCRAM-SHA-512 with the credentials of a Strimzi {@code KafkaUser}.
 */
public final class KafkaClientSecurity {

    private static final String PREFIX = "kafka.";

    private KafkaClientSecurity() {
    }

    /** Adds the configured security settings to a client's configuration (names without {@code kafka.}). */
    public static void addTo(Map<Object, Object> clientConfig) {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX + "security.") || name.startsWith(PREFIX + "sasl.")
                    || name.startsWith(PREFIX + "ssl.")) {
                config.getOptionalValue(name, String.class)
                        .filter(value -> !value.isBlank())
                        .ifPresent(value -> clientConfig.put(name.substring(PREFIX.length()), value));
            }
        }
    }
}
