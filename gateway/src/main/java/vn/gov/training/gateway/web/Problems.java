package vn.gov.training.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * RFC 9457 problem documents written by the gateway itself, in Vietnamese like the services' problems, each with a
 * stable {@code code}: every error the gateway answers on its own (401, 403, 404, 405, 406, 413, 414, 415, 429, 431,
 * 500, 502, 503, 504) is one of these, never an empty body.
 */
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
                .putHeader("Cache-Control", "no-store")
                .end(body(status, code, title, detail));
    }

    public static void unauthorized(HttpServerResponse response) {
        send(response, 401, "unauthenticated", "Chưa đăng nhập",
                "Cần đăng nhập hoặc gửi mã truy cập (Authorization: Bearer) hợp lệ.");
    }

    public static void invalidToken(HttpServerResponse response) {
        if (!response.headWritten()) {
            response.putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        send(response, 401, "token-invalid", "Mã truy cập không hợp lệ",
                "Mã truy cập (Authorization: Bearer) không hợp lệ, chưa được ký hoặc đã hết hạn. Hãy đăng nhập lại.");
    }

    public static void forbidden(HttpServerResponse response) {
        send(response, 403, "forbidden", "Không có quyền",
                "Tài khoản của bạn không có quyền thực hiện thao tác này.");
    }

    public static void notFound(HttpServerResponse response, String path) {
        send(response, 404, "not-found", "Không tìm thấy", "Không có trang hoặc tài nguyên nào ở đường dẫn này.");
    }

    public static void methodNotAllowed(HttpServerResponse response, String method) {
        send(response, 405, "method-not-allowed", "Phương thức không được hỗ trợ",
                "Đường dẫn này không nhận phương thức " + method + ".");
    }

    public static void notAcceptable(HttpServerResponse response) {
        send(response, 406, "not-acceptable", "Không hỗ trợ định dạng yêu cầu",
                "Không có bản trình bày nào theo định dạng nêu trong tiêu đề Accept.");
    }

    public static void unsupportedMediaType(HttpServerResponse response) {
        send(response, 415, "unsupported-media-type", "Không hỗ trợ kiểu dữ liệu gửi lên",
                "Kiểu dữ liệu (Content-Type) của yêu cầu không được hỗ trợ ở đường dẫn này.");
    }

    public static void bodyTooLarge(HttpServerResponse response, long maxBytes) {
        send(response, 413, "body-too-large", "Dữ liệu gửi lên quá lớn",
                "Nội dung yêu cầu vượt quá giới hạn " + (maxBytes / (1024 * 1024)) + " MB.");
    }

    public static void uriTooLong(HttpServerResponse response, int maxLength) {
        send(response, 414, "uri-too-long", "Đường dẫn quá dài",
                "Đường dẫn và tham số truy vấn vượt quá " + maxLength + " ký tự.");
    }

    public static void headersTooLarge(HttpServerResponse response) {
        send(response, 431, "headers-too-large", "Tiêu đề yêu cầu quá lớn",
                "Các tiêu đề (header, cookie) của yêu cầu vượt quá giới hạn cho phép. Hãy xoá cookie rồi thử lại.");
    }

    public static void badRequest(HttpServerResponse response) {
        send(response, 400, "bad-request", "Yêu cầu không hợp lệ", "Yêu cầu không đúng định dạng HTTP.");
    }

    public static void rateLimited(HttpServerResponse response, long waitSeconds) {
        if (!response.headWritten()) {
            response.putHeader("Retry-After", Long.toString(waitSeconds));
        }
        send(response, 429, "rate-limited", "Quá nhiều yêu cầu",
                "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau " + waitSeconds + " giây.");
    }

    public static void internalError(HttpServerResponse response) {
        send(response, 500, "internal-error", "Lỗi hệ thống",
                "Cổng truy cập gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.");
    }

    /** Any other status: a generic problem with the status' own code. */
    public static void status(HttpServerResponse response, int status) {
        switch (status) {
            case 400 -> badRequest(response);
            case 401 -> unauthorized(response);
            case 403 -> forbidden(response);
            case 404 -> notFound(response, null);
            case 405 -> methodNotAllowed(response, "này");
            case 406 -> notAcceptable(response);
            case 415 -> unsupportedMediaType(response);
            case 431 -> headersTooLarge(response);
            default -> {
                if (status >= 500) {
                    internalError(response);
                } else {
                    send(response, status, "request-refused", "Yêu cầu không được chấp nhận",
                            "Cổng truy cập không xử lý được yêu cầu này (mã " + status + ").");
                }
            }
        }
    }
}
