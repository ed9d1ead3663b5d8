package vn.gov.training.gateway.console;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

import vn.gov.training.gateway.proxy.RouteTable;

/**
 * One view of the whole API: the four services' OpenAPI documents fetched through the gateway, listed operation by
 * operation, each document also downloadable as JSON ({@code /openapi/{service}.json}), one merged document for
 * integrators ({@code /openapi/training.json}) and Swagger UI on it ({@code /openapi/ui}). No login needed.
 */
@Path("/openapi")
@Blocking
public class OpenApiPage {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    RouteTable routes;
    /** Where each service publishes its document: its management interface in production (see deploy/stack). */
    @ConfigProperty(name = "training.openapi.personnel")
    java.net.URI personnelDocs;
    @ConfigProperty(name = "training.openapi.course")
    java.net.URI courseDocs;
    @ConfigProperty(name = "training.openapi.enrolment")
    java.net.URI enrolmentDocs;
    @ConfigProperty(name = "training.openapi.reporting")
    java.net.URI reportingDocs;
    @Inject
    ObjectMapper mapper;
    @Location("openapi.html")
    Template page;
    @Location("swagger-ui.html")
    Template swaggerUi;
    @ConfigProperty(name = "training.gateway.public-url")
    java.util.Optional<String> publicUrl;

    @io.quarkus.qute.TemplateData
    public record Operation(String method, String path, String summary) {
    }

    @io.quarkus.qute.TemplateData
    public record ServiceApi(String service, String title, String error, List<Operation> operations) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view() {
        List<ServiceApi> apis = new ArrayList<>();
        for (String service : RouteTable.SERVICES) {
            apis.add(describe(service));
        }
        return page.data("apis", apis);
    }

    /** The integrators' document: every operation the gateway routes, from the four services' documents. */
    @GET
    @Path("training.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response merged(@Context UriInfo uri) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : RouteTable.SERVICES) {
            byte[] body = fetch(service);
            if (body == null) {
                return Response.status(503).build();
            }
            try {
                documents.put(service, mapper.readTree(body));
            } catch (IOException e) {
                return Response.status(503).build();
            }
        }
        String server = publicUrl.filter(url -> !url.isBlank())
                .orElseGet(() -> uri.getBaseUri().resolve("/").toString()).replaceAll("/+$", "");
        return Response.ok(OpenApiMerge.merge(documents, routes::serviceFor, server)).build();
    }

    /** Swagger UI on the integrators' document (static files of the swagger-ui-dist webjar, no inline script). */
    @GET
    @Path("ui")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance ui() {
        return swaggerUi.instance();
    }

    @GET
    @Path("{service}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response document(@PathParam("service") String service) {
        if (!RouteTable.SERVICES.contains(service)) {
            throw new NotFoundException();
        }
        byte[] body = fetch(service);
        return body == null ? Response.status(503).build() : Response.ok(body).build();
    }

    @SuppressWarnings("unchecked")
    private ServiceApi describe(String service) {
        byte[] body = fetch(service);
        if (body == null) {
            return new ServiceApi(service, service + "-service", "Không lấy được tài liệu API (dịch vụ không phản hồi).", List.of());
        }
        try {
            Map<String, Object> doc = mapper.readValue(body, Map.class);
            String title = doc.get("info") instanceof Map<?, ?> info ? String.valueOf(info.get("title")) : service;
            List<Operation> operations = new ArrayList<>();
            Map<String, Object> paths = doc.get("paths") instanceof Map<?, ?> p ? (Map<String, Object>) p : new LinkedHashMap<>();
            paths.forEach((path, item) -> {
                if (item instanceof Map<?, ?> methods) {
                    methods.forEach((method, op) -> {
                        if (op instanceof Map<?, ?> o && List.of("get", "post", "put", "patch", "delete").contains(method)) {
                            Object summary = o.get("summary") != null ? o.get("summary") : o.get("operationId");
                            operations.add(new Operation(method.toString().toUpperCase(), path,
                                    summary == null ? "" : summary.toString()));
                        }
                    });
                }
            });
            return new ServiceApi(service, title, null, operations);
        } catch (IOException e) {
            return new ServiceApi(service, service + "-service", "Tài liệu API không đọc được.", List.of());
        }
    }

    private java.net.URI documents(String service) {
        return switch (service) {
            case RouteTable.PERSONNEL -> personnelDocs;
            case RouteTable.COURSE -> courseDocs;
            case RouteTable.ENROLMENT -> enrolmentDocs;
            case RouteTable.REPORTING -> reportingDocs;
            default -> routes.origin(service);
        };
    }

    private byte[] fetch(String service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(documents(service).resolve("/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
