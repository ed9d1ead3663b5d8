package vn.gov.training.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder: where {@code deploy/stack} is. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("training.repo.root");
        if (configured != null && Files.exists(Path.of(configured, "deploy", "stack"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/stack not found above " + Path.of("").toAbsolutePath());
    }
}
