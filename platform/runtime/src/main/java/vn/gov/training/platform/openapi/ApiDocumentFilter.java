package vn.gov.training.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import vn.gov.training.platform.problem.Problem;

/**
 * Completes every service's OpenAPI document with what is the same everywhere: the problem+json error responses
 * (schema {@code Problem}, one shared response per status listing the {@code code} values the service can answer
 * with, each with an example), declared on each operation where they can happen, and a {@code 200} schema for
 * operations whose method returns a bare JAX-RS {@code Response} without saying what it holds.
 * <p>
 * Which status applies to which operation: 400 when it takes parameters or a body, 401 and 403 when it needs a token
 * (it declares a security requirement), 404 when its path names a record, 409 for writes, 422 for writes of a
 * service that has business-rule refusals or taking an {@code Idempotency-Key}, 429 and 503 always (the gateway limits every client; any call may meet a
 * database outage). The codes per status are the platform's own (below) and the service's
 * ({@code openapi-problems.properties}: {@code code=status}). Runs at build time, so the document stored in
 * {@code target/openapi} (linted by the deploy module) is the one served.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String SERVICE_CODES = "openapi-problems.properties";

    /** The codes the platform itself answers with, by status (ProblemExceptionMapper, JsonOnly, StrictJson, ...). */
    static final Map<Integer, List<String>> PLATFORM_CODES = Map.of(
            400, List.of("validation-failed", "malformed-json", "invalid-parameter", "invalid-value", "nul-character"),
            401, List.of("unauthenticated"),
            403, List.of("forbidden", "unit-out-of-scope"),
            404, List.of("not-found"),
            409, List.of("duplicate-record", "constraint-violated"),
            422, List.of("idempotency-key-reused"),
            429, List.of("rate-limited"),
            503, List.of("database-unavailable", "busy-retry", "dependency-unavailable", "upstream-unavailable"));

    static final Map<Integer, String> TITLES = Map.of(
            400, "Yêu cầu không hợp lệ (tham số, nội dung hoặc từng trường sai: xem `errors`).",
            401, "Chưa đăng nhập: thiếu access token hoặc token không hợp lệ.",
            403, "Không có quyền: vai trò hoặc phạm vi đơn vị của người gọi không cho phép.",
            404, "Không tìm thấy bản ghi, hoặc bản ghi nằm ngoài phạm vi của người gọi.",
            409, "Xung đột với trạng thái hiện tại của bản ghi (trùng lặp, sai trạng thái, sửa đồng thời).",
            422, "Yêu cầu đúng cú pháp nhưng vi phạm quy tắc nghiệp vụ.",
            429, "Quá nhiều yêu cầu: chờ theo `Retry-After` rồi gửi lại.",
            503, "Một thành phần tạm thời không truy cập được: gửi lại sau `Retry-After` giây.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<Integer, List<String>> codes = codesByStatus();
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        Properties titles = titles();
        for (var status : codes.entrySet()) {
            components.addResponse(responseName(status.getKey()),
                    problemResponse(status.getKey(), status.getValue(), titles));
        }
        String publicUrl = ConfigProvider.getConfig().getOptionalValue("training.openapi.server-url", String.class)
                .orElse("http://127.0.0.1:28088");
        openAPI.setServers(List.of(OASFactory.createServer().url(publicUrl)
                .description("Cổng API của hệ thống (gateway): mọi thao tác dưới /api đi qua đây với access token "
                        + "Keycloak. / The system's API gateway.")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (var path : openAPI.getPaths().getPathItems().entrySet()) {
            for (var entry : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), entry.getKey(), entry.getValue(), codes);
            }
        }
        for (int status : codes.keySet()) {
            if (!used(openAPI, status)) {
                components.removeResponse(responseName(status));
            }
        }
    }

    private static boolean used(OpenAPI openAPI, int status) {
        String ref = "#/components/responses/" + responseName(status);
        return openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .map(Operation::getResponses)
                .anyMatch(r -> r != null && r.getAPIResponses() != null && r.getAPIResponses().values().stream()
                        .anyMatch(response -> ref.equals(response.getRef())));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation,
                          Map<Integer, List<String>> codes) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        fillEmptySuccess(responses);
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            // A public operation (@PermitAll): say so explicitly, an empty requirement (no token needed).
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        }
        boolean input = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null || path.contains("{");
        List<Integer> statuses = new ArrayList<>();
        if (input) {
            statuses.add(400);
        }
        if (secured) {
            statuses.add(401);
            statuses.add(403);
        }
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (write) {
            statuses.add(409);
            if (!codes.get(422).equals(PLATFORM_CODES.get(422)) || idempotencyKey(operation)) {
                statuses.add(422);
            }
        }
        statuses.add(429);
        statuses.add(503);
        for (int status : statuses) {
            String key = Integer.toString(status);
            APIResponse declared = responses.getAPIResponse(key);
            // Quarkus declares 400/401/403 by itself, without content: those become the problem response too.
            if (codes.containsKey(status) && (declared == null || declared.getContent() == null)) {
                responses.addAPIResponse(key, OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + responseName(status)));
            }
        }
    }

    private static boolean idempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
    }

    /** A 2xx whose content declares no schema (a method returning {@code Response}): say it is a JSON document. */
    private static void fillEmptySuccess(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return;
        }
        for (var response : responses.getAPIResponses().entrySet()) {
            if (!response.getKey().startsWith("2") || response.getValue().getContent() == null
                    || response.getValue().getContent().getMediaTypes() == null) {
                continue;
            }
            for (var media : response.getValue().getContent().getMediaTypes().entrySet()) {
                if (media.getValue().getSchema() == null) {
                    media.getValue().setSchema(media.getKey().contains("json")
                            ? OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                    .description("Đối tượng JSON (xem mô tả thao tác).")
                            : OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
                }
            }
        }
    }

    static String responseName(int status) {
        return "Problem" + status;
    }

    private static APIResponse problemResponse(int status, List<String> codes, Properties titles) {
        Map<String, Example> examples = new TreeMap<>();
        for (String code : codes) {
            String title = titles.getProperty("problem." + code + ".title",
                    titles.getProperty("problem.status." + status, code));
            examples.put(code, OASFactory.createExample().summary(code + ": " + title)
                    .value(Map.of("type", Problem.typeOf(code), "title", title, "status", status, "code", code)));
        }
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA))
                .examples(examples);
        return OASFactory.createAPIResponse()
                .description(TITLES.get(status) + " Giá trị `code`: " + String.join(", ", codes) + ".")
                .content(OASFactory.createContent().addMediaType("application/problem+json", media));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("Đường dẫn JSON của trường, ví dụ `qualifications[0].awardedOn`."))
                .addProperty("code", string("Mã lỗi ổn định của trường."))
                .addProperty("message", string("Thông báo theo ngôn ngữ của người gọi (mặc định tiếng Việt)."));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Tài liệu lỗi RFC 9457 (application/problem+json). / An RFC 9457 problem document.")
                .addProperty("type", string("URI định danh loại lỗi.").format("uri"))
                .addProperty("title", string("Tiêu đề ngắn, theo ngôn ngữ của người gọi."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("Mã trạng thái HTTP."))
                .addProperty("detail", string("Giải thích cụ thể cho lần gọi này."))
                .addProperty("code", string("Mã lỗi ổn định, để máy đọc (không đổi giữa các phiên bản)."))
                .addProperty("instance", string("Đường dẫn của yêu cầu gây lỗi."))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("Lỗi theo từng trường (khi `code` là `validation-failed`)."))
                .required(List.of("type", "title", "status", "code"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    /** The Vietnamese titles of the problems (the default language), the platform's and the service's. */
    private static Properties titles() {
        Properties titles = new Properties();
        load(titles, "platform-messages.properties");
        load(titles, "messages.properties");
        return titles;
    }

    private static void load(Properties into, String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in != null) {
                into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform's codes and the service's own, by status, each list in a stable order. */
    static Map<Integer, List<String>> codesByStatus() {
        Map<Integer, List<String>> codes = new TreeMap<>();
        PLATFORM_CODES.forEach((status, list) -> codes.put(status, new ArrayList<>(list)));
        Properties service = new Properties();
        load(service, SERVICE_CODES);
        // a code may be answered with more than one status (code=404,422): each status lists it
        new TreeMap<>(service).forEach((code, statuses) -> {
            for (String status : statuses.toString().split(",")) {
                codes.computeIfAbsent(Integer.parseInt(status.trim()), s -> new ArrayList<>()).add(code.toString());
            }
        });
        codes.keySet().retainAll(TITLES.keySet());
        return codes;
    }
}
