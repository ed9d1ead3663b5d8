package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.gov.training.platform.testing.RepoRoot;

/**
 * The Kubernetes deployment in the build ({@code deploy/k8s/check}, docs/deployment.md): every overlay renders with
 * {@code kubectl kustomize} and every object validates against the Kubernetes schemas, the operators' CRD schemas kept
 * in {@code deploy/k8s/crds} and the system's own rules, with 0 errors; the realm import is the production realm's.
 * A broken manifest fails here, not in a province's cluster. About 10 s (the npm tools are installed once per lock).
 */
class KubernetesManifestsTest {

    @Test
    void everyOverlayRendersAndEveryObjectValidates() throws Exception {
        Path root = RepoRoot.find();
        Path log = Files.createTempFile("k8s-check", ".log");
        try {
            Process process = new ProcessBuilder("bash", root.resolve("deploy/k8s/check").toString())
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertTrue(done, "deploy/k8s/check did not finish within 300 s:\n" + output);
            assertEquals(0, process.exitValue(), "deploy/k8s/check failed:\n" + output);
            assertTrue(output.contains("rendered") && output.contains(", 0 errors"), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
