import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The CPU one HTTP call costs its caller, by client: the JDK's HttpClient (default, and HTTP/1.1 only) against a
 * blocking HttpURLConnection with keep-alive, the way the national connector calls (one POST of a section after
 * another, about 1.4 KB, a bearer token). The server runs in a child process, so the figure is the client's alone
 * (process CPU over the calls). Each client makes N calls to warm up, then N measured; all three twice, in turn.
 * Not a test: figures go to docs/performance.md.
 *   java deploy/bench/HttpCallCost.java [N]      # N = 20000
 */
public class HttpCallCost {

    private static final String BODY = "{\"section\":\"TRAINING\",\"content\":\"" + "x".repeat(1400) + "\"}";

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String self = Path.of(HttpCallCost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process server = new ProcessBuilder(javaBin, self, "serve", String.valueOf(port)).inheritIO().start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/files/001234567890/changes");
            awaitServer(uri);
            System.out.printf("HTTP call cost %s, %d cores, %d calls per client after %d to warm up%n",
                    java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), n, n);
            for (int round = 0; round < 2; round++) {
                for (String client : new String[] {"HttpClient (default)", "HttpClient (HTTP/1.1)",
                        "HttpURLConnection"}) {
                    measure(client, uri, n);
                }
            }
        } finally {
            server.destroy();
        }
    }

    private static void measure(String client, URI uri, int n) throws Exception {
        HttpClient http = client.contains("1.1")
                ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : HttpClient.newHttpClient();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        calls(client, http, uri, n);
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        calls(client, http, uri, n);
        cpu = os.getProcessCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.out.printf("  %-22s CPU %6.1f µs per call, wall %6.1f µs per call%n", client, cpu / 1e3 / n,
                wall / 1e3 / n);
    }

    private static void calls(String client, HttpClient http, URI uri, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            int status = client.equals("HttpURLConnection") ? urlConnection(uri) : http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .header("Authorization", "Bearer header.payload.signature")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).statusCode();
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status);
            }
        }
    }

    private static int urlConnection(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty("Authorization", "Bearer header.payload.signature");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(BODY.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            in.readAllBytes();
        }
        return status;
    }

    private static void awaitServer(URI uri) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                urlConnection(uri);
                return;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void serve(int port) throws Exception {
        byte[] answer = "{\"receipt\":\"R-2026-000001\"}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }
}
