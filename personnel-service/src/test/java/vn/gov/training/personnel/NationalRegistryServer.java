package vn.gov.training.personnel;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.gov.training.platform.testing.Infrastructure;
import vn.gov.training.platform.testing.Poll;

/**
 * The real receiver of deploy/national-registry (the national side of the sync), started on a free port for the
 * module's tests, keeping its files in a folder as in the stack; it accepts only tokens of the realm's
 * {@code national-sync} client. The connector runs every second
 * with a short back-off.
 */
public class NationalRegistryServer implements QuarkusTestResourceLifecycleManager {

    private Process process;
    private Path data;

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.get();
        Path root = Path.of("").toAbsolutePath().getParent();
        Path source = root.resolve("deploy/national-registry/NationalRegistry.java");
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            Path log = Files.createTempFile("national-registry", ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", source.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NATIONAL_REGISTRY_PORT", String.valueOf(port));
            builder.environment().put("NATIONAL_REGISTRY_ISSUER", infra.keycloakUrl() + "/realms/" + infra.realm());
            builder.environment().put("NATIONAL_REGISTRY_CLIENT", "national-sync");
            data = Files.createTempDirectory("national-registry");
            builder.environment().put("NATIONAL_REGISTRY_DATA", data.toString());
            process = builder.start();
            String url = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            Poll.until(Duration.ofSeconds(60), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("national-registry stopped: " + Files.readString(log));
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (IOException notYet) {
                    return 0;
                }
            }, status -> status == 200);
            Map<String, String> config = new HashMap<>();
            config.put("training.national-sync.enabled", "true");
            config.put("training.national-sync.endpoint", url);
            config.put("training.national-sync.token-url",
                    infra.keycloakUrl() + "/realms/" + infra.realm() + "/protocol/openid-connect/token");
            config.put("training.national-sync.interval", "1s");
            config.put("training.national-sync.delay", "1s");
            config.put("training.national-sync.retry-initial", "PT0.2S");
            config.put("training.national-sync.retry-max", "1s");
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the national registry", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (data != null) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove the national registry's files", e);
            }
        }
    }
}
