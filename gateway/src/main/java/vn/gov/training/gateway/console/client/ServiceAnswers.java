package vn.gov.training.gateway.console.client;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.training.gateway.console.ApiResult;

/**
 * A service's answer as the pages use it: the status and the JSON body as plain maps and lists ({@link ApiResult}),
 * or a file ({@link Download}). A service that cannot be reached or does not answer in time is a Vietnamese 503 or
 * 504 problem, shown on the page like any other.
 */
@ApplicationScoped
public class ServiceAnswers {

    /** A binary answer (Excel): status, content type, the service's {@code Content-Disposition}, bytes. */
    public record Download(int status, String contentType, String fileName, byte[] bytes) {
    }

    @Inject
    ObjectMapper mapper;

    /** Waits for the call's answer. */
    public ApiResult of(CompletionStage<Response> call) {
        return later(call).join();
    }

    /** The answer when it comes, so that a page can ask several services at once. */
    public CompletableFuture<ApiResult> later(CompletionStage<Response> call) {
        return call.toCompletableFuture().handle((response, failure) -> failure == null ? result(response)
                : failureOf(failure));
    }

    public Download download(CompletionStage<Response> call) {
        return call.toCompletableFuture().handle((response, failure) -> {
            if (failure != null) {
                return new Download(503, "text/plain", null, new byte[0]);
            }
            try (response) {
                String type = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
                return new Download(response.getStatus(), type == null ? "application/octet-stream" : type,
                        response.getHeaderString("Content-Disposition"), bytes(response));
            }
        }).join();
    }

    private ApiResult result(Response response) {
        try (response) {
            byte[] body = bytes(response);
            String type = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
            Object parsed = null;
            if (body.length > 0 && type != null && type.contains("json")) {
                try {
                    parsed = mapper.readValue(body, Object.class);
                } catch (IOException e) {
                    parsed = null;
                }
            }
            return new ApiResult(response.getStatus(), parsed);
        }
    }

    private static byte[] bytes(Response response) {
        return response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
    }

    static ApiResult failureOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // a connect timeout is a ConnectException too: the service is not there, as with a refused connection
            if (t instanceof ConnectException) {
                return ApiResult.failure(503, "Dịch vụ tạm thời không sẵn sàng",
                        "Không kết nối được tới dịch vụ. Vui lòng thử lại sau ít phút.");
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return ApiResult.failure(504, "Dịch vụ phản hồi quá chậm",
                        "Dịch vụ không trả lời kịp thời. Vui lòng thử lại sau.");
            }
        }
        return ApiResult.failure(503, "Dịch vụ tạm thời không sẵn sàng", String.valueOf(cause.getMessage()));
    }
}
