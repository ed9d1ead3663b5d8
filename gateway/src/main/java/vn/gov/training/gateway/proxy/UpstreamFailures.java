package vn.gov.training.gateway.proxy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import vn.gov.training.gateway.web.Problems;

/**
 * Turns a service that does not answer into a clear problem: 504 when it took too long, 503 when it cannot be
 * reached (instead of vertx-http-proxy's bare 502); a 5xx answer of the service itself that is no problem document
 * (an empty 503 of a service shutting down, an HTML error page of something in between) becomes one.
 */
final class UpstreamFailures implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    private final String service;

    UpstreamFailures(String service) {
        this.service = service;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            boolean timeout = isTimeout(failure);
            int status = timeout ? 504 : 503;
            LOG.warnf("%s-service did not answer %s %s: %s", service, context.request().getMethod(),
                    context.request().getURI(), failure.toString());
            Buffer body = timeout
                    ? Problems.body(504, "upstream-timeout", "Dịch vụ phản hồi quá chậm",
                            "Dịch vụ " + service + " không trả lời kịp thời. Vui lòng thử lại sau.")
                    : Problems.body(503, "upstream-unavailable", "Dịch vụ tạm thời không sẵn sàng",
                            "Không kết nối được tới dịch vụ " + service + ". Vui lòng thử lại sau ít phút.");
            ProxyResponse response = context.request().response().setStatusCode(status)
                    .putHeader("Content-Type", Problems.CONTENT_TYPE).setBody(Body.body(body));
            if (!timeout) {
                response.putHeader("Retry-After", "30");
            }
            return Future.succeededFuture(response);
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        int status = response.getStatusCode();
        String type = String.valueOf(response.headers().get("Content-Type")).toLowerCase();
        if (status >= 500 && !type.startsWith(Problems.CONTENT_TYPE) && !type.startsWith("application/json")) {
            LOG.warnf("%s-service answered %d %s %s without a problem document", service, status,
                    context.request().getMethod(), context.request().getURI());
            Buffer body = switch (status) {
                case 503 -> Problems.body(503, "upstream-unavailable", "Dịch vụ tạm thời không sẵn sàng",
                        "Dịch vụ " + service + " tạm thời không sẵn sàng. Vui lòng thử lại sau ít phút.");
                case 504 -> Problems.body(504, "upstream-timeout", "Dịch vụ phản hồi quá chậm",
                        "Dịch vụ " + service + " không trả lời kịp thời. Vui lòng thử lại sau.");
                default -> Problems.body(502, "upstream-error", "Dịch vụ gặp lỗi",
                        "Dịch vụ " + service + " không trả lời được yêu cầu này. Vui lòng thử lại sau.");
            };
            response.setStatusCode(status == 503 || status == 504 ? status : 502);
            response.headers().remove("Content-Length").remove("Transfer-Encoding").remove("Content-Encoding");
            response.putHeader("Content-Type", Problems.CONTENT_TYPE).setBody(Body.body(body));
        }
        return context.sendResponse();
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ConnectTimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
            if (t instanceof ConnectException) {
                return false;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase();
            if (message.contains("timeout") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
