package vn.gov.training.reporting.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.security.UnitScope;
import vn.gov.training.reporting.service.ChangeFeed;

/**
 * {@code GET /api/feed}: the published events as a CloudEvents JSON batch, in order, after a cursor, for systems
 * that do not read Kafka. The cursor to continue from is in {@code Feed-Cursor} (and in each event's
 * {@code feedcursor} attribute, and a {@code Link rel="next"}).
 */
@Tag(name = "Luồng thay đổi", description = "Các sự kiện đã công bố (CloudEvents), theo thứ tự, đọc tiếp từ một con trỏ: cho hệ thống không đọc Kafka. / The change feed.")
@Path("/api/feed")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INTEGRATION, Roles.LEADER, Roles.UNIT_OFFICER})
public class FeedResource {

    public static final String BATCH = "application/cloudevents-batch+json";
    public static final String CURSOR_HEADER = "Feed-Cursor";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ChangeFeed feed;
    private final UnitScope scope;
    private final Caller caller;
    private final ObjectMapper mapper;

    FeedResource(ChangeFeed feed, UnitScope scope, Caller caller, ObjectMapper mapper) {
        this.feed = feed;
        this.scope = scope;
        this.caller = caller;
        this.mapper = mapper;
    }

    @APIResponse(responseCode = "200", description = "Lô CloudEvents (chế độ có cấu trúc, JSON), theo thứ tự; con trỏ để đọc tiếp trong `Feed-Cursor`.",
            headers = {@Header(name = CURSOR_HEADER, description = "Con trỏ để đọc tiếp (`after=`).", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Link", description = "`<...?after=<con trỏ>...>; rel=\"next\"`", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = BATCH, schema = @Schema(type = SchemaType.ARRAY, implementation = FeedEventSchema.class)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FeedEventSchema.class))})
    @APIResponse(responseCode = "410", description = "Con trỏ đã hết hạn (sự kiện sau nó đã bị xóa theo thời hạn lưu giữ): đồng bộ lại toàn bộ. Giá trị `code`: feed-cursor-expired.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Operation(summary = "Luồng thay đổi (các sự kiện đã công bố)",
            description = "Các sự kiện của bốn topic (cùng CloudEvents, cùng dữ liệu như trên Kafka) sau con trỏ `after` (bỏ trống: từ sự kiện cũ nhất còn lưu), theo thứ tự ghi nhận, lọc theo tiền tố kiểu `types` (phân cách bằng dấu phẩy, ví dụ `vn.gov.training.enrolment.,vn.gov.training.class.`) và theo phạm vi đơn vị của người gọi; tối đa `limit` (1-1000, mặc định 100). Sự kiện được lưu 90 ngày kể từ khi ghi nhận (cấu hình được); con trỏ trước sự kiện đã bị xóa trả 410. Ngày sinh chỉ có trong dữ liệu khi người gọi có vai trò `personal-data`.\n\n*English:* The events of the four topics after cursor `after`, in order, filtered by type prefixes and the caller's unit scope; continue from `Feed-Cursor`. Retained 90 days after recording (configurable); a cursor before removed events answers 410.")
    @GET
    @Produces({BATCH, MediaType.APPLICATION_JSON})
    public Response read(@QueryParam("after") String after, @QueryParam("types") String types,
                         @QueryParam("limit") String limit) {
        Long cursor = after == null || after.isBlank() ? null : number("after", after, 0, Long.MAX_VALUE, 0);
        int size = (int) number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<String> prefixes = prefixes(types);
        ChangeFeed.Batch batch = feed.read(cursor, prefixes, size, scope.visibleUnits(),
                caller.hasRole(Roles.PERSONAL_DATA));
        ArrayNode body = mapper.createArrayNode();
        for (ChangeFeed.Event e : batch.events()) {
            ObjectNode event = body.addObject();
            event.put("specversion", "1.0");
            event.put("id", e.id());
            event.put("source", e.source());
            event.put("type", e.type());
            if (e.subject() != null) {
                event.put("subject", e.subject());
            }
            event.put("time", EventEnvelope.time(e.time()));
            event.put("datacontenttype", "application/json");
            event.put("feedcursor", Long.toString(e.position()));
            try {
                event.set("data", mapper.readTree(e.data()));
            } catch (java.io.IOException ex) {
                event.put("data", e.data());
            }
        }
        String next = "/api/feed?after=" + batch.cursor() + (types == null || types.isBlank() ? "" : "&types="
                + java.net.URLEncoder.encode(types, java.nio.charset.StandardCharsets.UTF_8)) + "&limit=" + size;
        return Response.ok(body.toString(), BATCH).header(CURSOR_HEADER, Long.toString(batch.cursor()))
                .header("Link", "<" + next + ">; rel=\"next\"").build();
    }

    private static long number(String name, String value, long min, long max, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.invalid("feed-parameter-invalid", name);
    }

    private static List<String> prefixes(String types) {
        List<String> prefixes = new ArrayList<>();
        if (types == null || types.isBlank()) {
            return prefixes;
        }
        for (String prefix : types.split(",")) {
            String p = prefix.trim();
            if (!p.matches("[a-z0-9.-]{1,200}") || prefixes.size() >= 20) {
                throw ProblemException.invalid("feed-parameter-invalid", "types");
            }
            prefixes.add(p);
        }
        return prefixes;
    }

    /** The shape of one event of the batch, for the API document. */
    @Schema(name = "FeedEvent", description = "Một CloudEvent 1.0 ở chế độ có cấu trúc. / A structured-mode CloudEvent.")
    public record FeedEventSchema(
            @Schema(examples = "1.0") String specversion,
            @Schema(description = "Mã duy nhất của sự kiện (như `ce_id` trên Kafka).") String id,
            @Schema(examples = "/training/enrolment-service") String source,
            @Schema(examples = "vn.gov.training.enrolment.completed.v1") String type,
            @Schema(description = "Mã của đối tượng.") String subject,
            @Schema(format = "date-time") String time,
            @Schema(examples = "application/json") String datacontenttype,
            @Schema(description = "Con trỏ của sự kiện này: đọc tiếp sau nó với `after=`.") String feedcursor,
            @Schema(description = "Dữ liệu của sự kiện, theo schema của topic (docs/asyncapi.yaml).") Object data) {
    }
}
