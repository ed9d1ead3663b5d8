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
 * reached (instead of vertx-http-proxy's bare 502).
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
