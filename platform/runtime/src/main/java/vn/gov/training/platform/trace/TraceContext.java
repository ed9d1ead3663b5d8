package vn.gov.training.platform.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C trace context of the work in progress: the request id that follows a call from the gateway into a service
 * (HTTP header {@code traceparent}), into its log lines (MDC {@code traceId}, JSON logs) and into the events it
 * publishes (CloudEvents distributed-tracing extension {@code traceparent}, Kafka header {@code ce_traceparent}).
 */
public final class TraceContext {

    private TraceContext() {
    }

    /** The current {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null outside any trace. */
    public static String traceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
