package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The chaos suite ({@code deploy/chaos}) on the test stack, cut to what fits the CI budget: PostgreSQL, the Kafka
 * broker, the service that runs the import and the service that projects it are each killed with {@code kill -9}
 * in the middle of a staff import and started again, and every copy must converge to the source with no job left
 * running and no dead letter. The whole suite (every component, more rows, longer outages) is run by hand; its
 * figures are in docs/resilience.md.
 */
class ChaosSystemIT {

    private static final List<String> COMPONENTS = List.of("postgres", "kafka", "personnel-service",
            "reporting-service");

    @Test
    void everyCopyConvergesAfterEachPartIsKilledInTheMiddleOfAnImport() throws Exception {
        SystemStack.env(); // the stack is up, with the current build
        Path root = Path.of(System.getProperty("training.repo.root", Path.of("").toAbsolutePath().getParent().toString()));
        Path output = Files.createTempFile("chaos", ".out");
        Path log = Files.createTempFile("chaos", ".log");
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("deploy/chaos").toString()));
        command.addAll(COMPONENTS);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(output.toFile()).redirectError(log.toFile());
        builder.environment().put("STACK_PROFILE", "test");
        builder.environment().put("CHAOS_ROWS", "800");
        builder.environment().put("CHAOS_DOWN", "10");
        builder.environment().put("CHAOS_TIMEOUT", "300");
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(25, TimeUnit.MINUTES), "deploy/chaos did not end within 25 minutes");
        } finally {
            process.destroyForcibly();
        }
        String table = Files.readString(output);
        System.out.println(table);
        assertEquals(0, process.exitValue(), () -> "deploy/chaos failed:\n" + table + "\n" + tail(log));
        for (String component : COMPONENTS) {
            assertTrue(table.lines().anyMatch(line -> line.startsWith(component + " ") && line.contains("COMPLETED")
                    && !line.contains("NOT CONVERGED")), () -> component + " has no converged row:\n" + table);
        }
        Files.deleteIfExists(output);
        Files.deleteIfExists(log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
