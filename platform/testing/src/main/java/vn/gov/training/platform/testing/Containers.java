package vn.gov.training.platform.testing;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The same infrastructure in containers, for machines with a Docker engine ({@code -Dtraining.infra=testcontainers}).
 * Our build machines have none; the local processes are the default.
 */
final class Containers implements Infrastructure {

    private static final String DEMO_PASSWORD = "Demo@2026";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;
    private final GenericContainer<?> keycloak;
    private final GenericContainer<?> mail;

    private Containers(PostgreSQLContainer postgres, KafkaContainer kafka, GenericContainer<?> keycloak,
                       GenericContainer<?> mail) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.mail = mail;
    }

    @SuppressWarnings("resource")
    static Containers start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine")
                .withUsername("postgres").withPassword("postgres");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        GenericContainer<?> keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.4.7")
                .withExposedPorts(8080, 9000)
                .withCopyFileToContainer(
                        MountableFile.forHostPath(RepoRoot.find().resolve("deploy/keycloak/training-realm.json")),
                        "/opt/keycloak/data/import/training-realm.json")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCommand("start-dev", "--import-realm", "--health-enabled=true")
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(3)));
        // GreenMail: SMTP 3025 and its REST API 8080 (the services' mail; Keycloak's realm points at the local stack's
        // SMTP port, so set-password mails are not delivered in this mode)
        GenericContainer<?> mail = new GenericContainer<>("greenmail/standalone:2.1.8")
                .withExposedPorts(3025, 8080)
                .waitingFor(Wait.forHttp("/api/service/readiness").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(1)));
        postgres.start();
        kafka.start();
        keycloak.start();
        mail.start();
        return new Containers(postgres, kafka, keycloak, mail);
    }

    @Override
    public String postgresUrl() {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
    }

    @Override
    public String postgresSuperuser() {
        return postgres.getUsername();
    }

    @Override
    public String postgresSuperuserPassword() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String keycloakUrl() {
        return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
    }

    @Override
    public String demoPassword() {
        return DEMO_PASSWORD;
    }

    @Override
    public String mailUrl() {
        return "http://" + mail.getHost() + ":" + mail.getMappedPort(8080);
    }

    @Override
    public String smtpHost() {
        return mail.getHost();
    }

    @Override
    public int smtpPort() {
        return mail.getMappedPort(3025);
    }
}
