package vn.gov.training.platform.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The project's own processes, started by {@code deploy/stack} with {@code STACK_PROFILE=test} (ports 3xxxx, state
 * in {@code .local/test}), so the tests never touch the data of a running dev stack.
 */
final class LocalStack implements Infrastructure {

    private final Map<String, String> env;

    private LocalStack(Map<String, String> env) {
        this.env = env;
    }

    static LocalStack start() {
        Path root = RepoRoot.find();
        Path stack = root.resolve("deploy/stack");
        Path lockFile = root.resolve(".local/test-stack.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            // several test JVMs (or developers' parallel builds) may arrive at once: one starts, the others wait
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                run(root, List.of("bash", stack.toString(), "up", "postgres", "kafka", "mail", "keycloak"));
            }
            return new LocalStack(parseEnv(run(root, List.of("bash", stack.toString(), "env"))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test infrastructure with " + stack, e);
        }
    }

    private static String run(Path root, List<String> command) throws IOException {
        Path log = Files.createTempFile("stack", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STACK_PROFILE", "test");
        builder.environment().put("STACK_SKIP_DEMO", "1");
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static Map<String, String> parseEnv(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ") && trimmed.contains("=")) {
                String assignment = trimmed.substring("export ".length());
                int eq = assignment.indexOf('=');
                String value = assignment.substring(eq + 1);
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(assignment.substring(0, eq), value);
            }
        }
        return values;
    }

    private String required(String name) {
        String value = env.get(name);
        if (value == null) {
            throw new IllegalStateException("deploy/stack env did not print " + name);
        }
        return value;
    }

    @Override
    public String postgresUrl() {
        String url = required("POSTGRES_URL");
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public String postgresSuperuser() {
        return env.getOrDefault("POSTGRES_SUPERUSER", "postgres");
    }

    @Override
    public String postgresSuperuserPassword() {
        return env.getOrDefault("POSTGRES_SUPERPASSWORD", "postgres");
    }

    @Override
    public String kafkaBootstrapServers() {
        return required("KAFKA_BOOTSTRAP");
    }

    @Override
    public String keycloakUrl() {
        return required("KEYCLOAK_URL");
    }

    @Override
    public String demoPassword() {
        return required("DEMO_PASSWORD");
    }

    @Override
    public String mailUrl() {
        return required("MAIL_URL");
    }

    @Override
    public String smtpHost() {
        return required("MAIL_SMTP_HOST");
    }

    @Override
    public int smtpPort() {
        return Integer.parseInt(required("MAIL_SMTP_PORT"));
    }

    /** Stops or starts one component of the test stack: for tests of outages, e.g. Kafka going away. */
    static void stack(String command, String component) {
        Path root = RepoRoot.find();
        try {
            run(root, List.of("bash", root.resolve("deploy/stack").toString(), command, component));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
