package vn.gov.training.platform.testing;

/**
 * Where the tests' PostgreSQL, Kafka, Keycloak and mail server are: local processes (default, {@link LocalStack}) or
 * containers ({@code -Dtraining.infra=testcontainers}, {@link Containers}). Started once per JVM and left running
 * for the next module; {@code STACK_PROFILE=test deploy/stack down} stops the local ones.
 */
public interface Infrastructure {

    /** e.g. {@code jdbc:postgresql://127.0.0.1:35432/} */
    String postgresUrl();

    String postgresSuperuser();

    String postgresSuperuserPassword();

    String kafkaBootstrapServers();

    /** e.g. {@code http://127.0.0.1:38080} */
    String keycloakUrl();

    default String realm() {
        return "training";
    }

    /** The dev-only password of the demo users of the realm. */
    String demoPassword();

    /** The mail server's REST API (GreenMail), to read what was sent, e.g. {@code http://127.0.0.1:38026}. */
    String mailUrl();

    /** The mail server's SMTP host and port: where the services and Keycloak send mail. */
    String smtpHost();

    int smtpPort();

    static Infrastructure get() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final Infrastructure INSTANCE =
                "testcontainers".equals(System.getProperty("training.infra", System.getenv("TRAINING_INFRA")))
                        ? Containers.start() : LocalStack.start();

        private Holder() {
        }
    }
}
