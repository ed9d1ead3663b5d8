package vn.gov.training.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One OpenAPI document for integrators out of the services' own: every path the gateway routes to the service that
 * documents it (operator paths each service serves on its own port, such as the dead letters, are left out), the
 * tags and components of all. A component name two services use for different content is kept apart by prefixing
 * the later service's copy ({@code course.PlanView}), its references rewritten; equal components are kept once.
 */
final class OpenApiMerge {

    private static final List<String> COMPONENT_KINDS =
            List.of("schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes");

    private OpenApiMerge() {
    }

    /**
     * @param documents each service's document, by service name, in a stable order
     * @param routedTo  which service the gateway sends a path to, if any
     */
    static ObjectNode merge(Map<String, JsonNode> documents, Function<String, Optional<String>> routedTo,
                            String serverUrl) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode merged = json.objectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText(""))
                .filter(v -> !v.isEmpty()).findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "API tích hợp - Hệ thống quản lý đào tạo, bồi dưỡng cán bộ");
        info.put("version", documents.values().stream().map(d -> d.path("info").path("version").asText(""))
                .filter(v -> !v.isEmpty()).findFirst().orElse("1"));
        info.put("description", """
                Mọi thao tác của bốn dịch vụ mà cổng (gateway) chuyển tiếp, trong một tài liệu. Gọi qua cổng này với \
                `Authorization: Bearer <access token>` của Keycloak (hệ thống ngoài: tài khoản client-credentials). \
                Mọi lỗi là `application/problem+json` với `code` ổn định. Sự kiện: `docs/asyncapi.yaml`.

                *English:* every operation the gateway routes, from the four services' own documents. Call it through \
                the gateway with a Keycloak bearer token; every error is `application/problem+json` with a stable \
                `code`.""");
        merged.putArray("servers").addObject().put("url", serverUrl)
                .put("description", "Cổng API (gateway) / the API gateway");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, Boolean> tagNames = new LinkedHashMap<>();

        documents.forEach((service, original) -> {
            // Rename until stable: a component equal to ours may differ once its own references are renamed.
            Map<String, String> renames = new LinkedHashMap<>();
            JsonNode doc;
            boolean grew;
            do {
                grew = false;
                doc = original.deepCopy();
                rewriteRefs(doc, renames);
                for (String kind : COMPONENT_KINDS) {
                    for (Map.Entry<String, JsonNode> component : doc.path("components").path(kind).properties()) {
                        String ref = "#/components/" + kind + "/" + component.getKey();
                        JsonNode ours = components.path(kind).get(component.getKey());
                        if (ours != null && !ours.equals(component.getValue()) && !renames.containsKey(ref)) {
                            renames.put(ref, "#/components/" + kind + "/" + service + "." + component.getKey());
                            grew = true;
                        }
                    }
                }
            } while (grew);
            JsonNode renamed = doc;
            for (String kind : COMPONENT_KINDS) {
                JsonNode theirs = renamed.path("components").path(kind);
                theirs.properties().forEach(component -> {
                    String ref = "#/components/" + kind + "/" + component.getKey();
                    String name = renames.containsKey(ref)
                            ? renames.get(ref).substring(("#/components/" + kind + "/").length())
                            : component.getKey();
                    ObjectNode section = components.has(kind) ? (ObjectNode) components.get(kind)
                            : components.putObject(kind);
                    section.set(name, component.getValue());
                });
            }
            renamed.path("tags").forEach(tag -> {
                if (tagNames.putIfAbsent(tag.path("name").asText(), true) == null) {
                    tags.add(tag);
                }
            });
            renamed.path("paths").properties().forEach(path -> {
                if (routedTo.apply(path.getKey()).filter(service::equals).isPresent()) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
        });
        return merged;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            object.properties().forEach(entry -> rewriteRefs(entry.getValue(), renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
    }
}
