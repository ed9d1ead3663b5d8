package vn.gov.training.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system started as the README does ({@code deploy/stack up}), with the test profile (ports 3xxxx,
 * state in {@code .local/test}) and the demo data, once per test JVM. The system tests drive it through the
 * gateway with real Keycloak tokens.
 */
public final class SystemStack {

    private static Map<String, String> env;

    private SystemStack() {
    }

    public static synchronized Map<String, String> env() {
        if (env == null) {
            restartStaleServices();
            run("up");
            env = parse(run("env"));
        }
        return env;
    }

    private static final List<String> SERVICES = List.of("personnel-service", "course-service", "enrolment-service",
            "reporting-service", "gateway");

    /**
     * {@code up} leaves a running service alone; a service started before its module was last packaged would be
     * tested with yesterday's code (and load the demo data with it), so it is stopped first and {@code up} starts
     * the jar just built. Infrastructure and data are left as they are.
     */
    static void restartStaleServices() {
        Path state = Path.of(System.getenv().getOrDefault("STACK_HOME", root().resolve(".local/test").toString()));
        for (String service : SERVICES) {
            Path pid = state.resolve("run").resolve(service + ".pid");
            Path jar = root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            try {
                if (Files.exists(pid) && Files.exists(jar)
                        && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(pid)) > 0) {
                    System.out.println("SystemStack: " + service + " runs an older build than " + jar + ": restarting it");
                    run("down", service);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static String url(String name) {
        String value = env().get(name);
        if (value == null) {
            throw new IllegalStateException("deploy/stack env did not print " + name);
        }
        return value;
    }

    /** Runs {@code deploy/stack <args>} with the test profile and returns its output. */
    public static String run(String... args) {
        Path root = root();
        try {
            Path log = Files.createTempFile("stack", ".log");
            List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("deploy/stack").toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("STACK_PROFILE", "test");
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/stack " + String.join(" ", args) + " timed out");
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("deploy/stack " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path root() {
        String configured = System.getProperty("training.repo.root");
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of("").toAbsolutePath().getParent();
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ") && trimmed.contains("=")) {
                String assignment = trimmed.substring(7);
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
}
