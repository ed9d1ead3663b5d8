package vn.gov.training.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem documents written by the gateway itself, in Vietnamese like the services' problems. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Buffer body(int status, String code, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:problem-type:" + code);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return new JsonObject(problem).toBuffer();
    }

    public static void send(HttpServerResponse response, int status, String code, String title, String detail) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE)
                .end(body(status, code, title, detail));
    }

    public static void unauthorized(HttpServerResponse response) {
        send(response, 401, "unauthenticated", "Chưa đăng nhập",
                "Cần đăng nhập hoặc gửi mã truy cập (Authorization: Bearer) hợp lệ.");
    }
}
