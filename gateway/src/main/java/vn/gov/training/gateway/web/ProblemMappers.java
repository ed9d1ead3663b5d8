package vn.gov.training.gateway.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.buffer.Buffer;

/**
 * The console's and OpenAPI view's JAX-RS errors without a body of their own (405 for a method a page does not
 * take, 406, 415, 404 of a sub-resource) become problem documents like the gateway's other errors.
 */
public class ProblemMappers {

    @Inject
    @Location("console/not-found.html")
    Template notFound;

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri, HttpHeaders headers) {
        Response response = exception.getResponse();
        if (response != null && response.hasEntity()) {
            return response;
        }
        int status = response == null ? 500 : response.getStatus();
        if (status == 404 && uri.getPath().startsWith("/console") && headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType())) {
            // a person in the console gets a page of the console, in Vietnamese, with its menu
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store").entity(notFound.data("message", null).render()).build();
        }
        Buffer body = switch (status) {
            case 404 -> Problems.body(404, "not-found", "Không tìm thấy",
                    "Không có trang hoặc tài nguyên nào ở đường dẫn này.");
            case 405 -> Problems.body(405, "method-not-allowed", "Phương thức không được hỗ trợ",
                    "Đường dẫn này không nhận phương thức đã dùng.");
            case 406 -> Problems.body(406, "not-acceptable", "Không hỗ trợ định dạng yêu cầu",
                    "Không có bản trình bày nào theo định dạng nêu trong tiêu đề Accept.");
            case 415 -> Problems.body(415, "unsupported-media-type", "Không hỗ trợ kiểu dữ liệu gửi lên",
                    "Kiểu dữ liệu (Content-Type) của yêu cầu không được hỗ trợ ở đường dẫn này.");
            case 400 -> Problems.body(400, "bad-request", "Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ.");
            default -> status >= 500
                    ? Problems.body(500, "internal-error", "Lỗi hệ thống",
                            "Cổng truy cập gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.")
                    : Problems.body(status, "request-refused", "Yêu cầu không được chấp nhận",
                            "Cổng truy cập không xử lý được yêu cầu này (mã " + status + ").");
        };
        Response.ResponseBuilder builder = Response.status(status >= 500 ? 500 : status)
                .type(Problems.CONTENT_TYPE).header("Cache-Control", "no-store").entity(body.toString());
        if (response != null && response.getHeaderString("Allow") != null) {
            builder.header("Allow", response.getHeaderString("Allow"));
        }
        return builder.build();
    }
}
