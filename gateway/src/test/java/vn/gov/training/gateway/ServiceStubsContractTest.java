package vn.gov.training.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import vn.gov.training.platform.testing.RepoRoot;

/**
 * The console's service stubs answer only what the services really offer: every path and method a stub routes is an
 * operation of that service's OpenAPI document, as the service's own build wrote it ({@code target/openapi}).
 */
class ServiceStubsContractTest {

    private final ServiceStubs stubs = new ServiceStubs();

    @AfterEach
    void close() {
        if (stubs.vertx != null) {
            stubs.vertx.close();
        }
    }

    @TestFactory
    List<DynamicTest> everyStubbedOperationIsOneOfTheService() {
        return List.of("personnel", "course", "enrolment", "reporting").stream()
                .map(service -> DynamicTest.dynamicTest(service, () -> check(service))).toList();
    }

    private void check(String service) throws IOException {
        Path document = RepoRoot.find().resolve(service + "-service/target/openapi/openapi.json");
        // the reactor builds the services before the gateway; a gateway built alone (-pl gateway) has no documents
        Assumptions.assumeTrue(Files.exists(document), "no " + document + ": build the services first");
        Set<String> offered = operations(new ObjectMapper().readTree(document.toFile()));

        if (stubs.vertx == null) {
            stubs.vertx = Vertx.vertx();
        }
        Map<String, Function<ServiceStubs, Router>> routers = Map.of("personnel", ServiceStubs::personnel,
                "course", ServiceStubs::course, "enrolment", ServiceStubs::enrolment,
                "reporting", ServiceStubs::reporting);
        Set<String> stubbed = new TreeSet<>();
        Set<String> invented = new TreeSet<>();
        for (Route route : routers.get(service).apply(stubs).getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue; // the body handler of every path
            }
            for (HttpMethod method : route.methods()) {
                String operation = method.name() + " " + normalised(route.getPath().replaceAll(":[^/]+", "{}"));
                stubbed.add(operation);
                if (!offered.contains(operation)) {
                    invented.add(operation);
                }
            }
        }
        assertFalse(stubbed.isEmpty(), "no stubbed operation of " + service + "-service was read");
        assertEquals(Set.of(), invented, "stubbed operations that " + service + "-service does not offer");
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations.add(method.toUpperCase() + " " + normalised(path.getKey()));
                    }
                }));
        return operations;
    }

    /** Path parameters are compared by position, not by name. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
