package vn.gov.training.platform.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Test resource of every service: a fresh PostgreSQL database of the module's own (init arg {@code database},
 * default: the module folder's name without {@code -service}, plus {@code _test_<pid>}), the real Kafka broker and the
 * real Keycloak, and the real SMTP server for mail. Consumers get a group id of their own per run so that they read the topics from the start.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.get();
        String name = database != null ? database
                : Path.of("").toAbsolutePath().getFileName().toString().replace("-service", "").replace('-', '_');
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestDatabase.fresh(infra, name + "_test"));
        config.put("quarkus.datasource.username", infra.postgresSuperuser());
        config.put("quarkus.datasource.password", infra.postgresSuperuserPassword());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", infra.keycloakUrl() + "/realms/" + infra.realm());
        config.put("training.keycloak.url", infra.keycloakUrl());
        // a service that mails sets %test.quarkus.mailer.host/port from these (no warning in the others)
        config.put("training.test.smtp-host", infra.smtpHost());
        config.put("training.test.smtp-port", Integer.toString(infra.smtpPort()));
        config.put("training.test.run-id", UUID.randomUUID().toString());
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure is shared by the modules of the build and stays up
    }
}
