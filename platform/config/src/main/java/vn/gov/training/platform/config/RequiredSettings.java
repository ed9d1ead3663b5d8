package vn.gov.training.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start when a setting the production profile requires has no value ({@code training.required-settings}:
 * the addresses and secrets that have no default in {@code prod}, docs/deployment.md), naming every missing one at
 * once, instead of failing later at the first use (or never, for a secret read only at the first request).
 */
@ApplicationScoped
public class RequiredSettings {

    @ConfigProperty(name = "training.required-settings")
    Optional<List<String>> required;

    void check(@Observes @Priority(1) StartupEvent event, Config config) {
        List<String> missing = new ArrayList<>();
        for (String name : required.orElse(List.of())) {
            try {
                if (config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).isEmpty()) {
                    missing.add(name);
                }
            } catch (NoSuchElementException e) { // an expression without default whose variable is not set
                missing.add(name + " (" + e.getMessage() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing settings (environment variables or QUARKUS_CONFIG_LOCATIONS, "
                    + "see docs/deployment.md): " + String.join("; ", missing));
        }
    }
}
