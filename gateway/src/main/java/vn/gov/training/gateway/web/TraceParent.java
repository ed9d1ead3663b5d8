package vn.gov.training.gateway.web;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C trace context of the request in progress ({@code traceparent}): the request id that the gateway hands on to
 * the services with every call (API door and console), so that a call can be followed through the gateway's and the
 * services' log lines (MDC {@code traceId}) and into the events it causes (CloudEvents extension {@code traceparent}).
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

    private TraceParent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null outside any trace. */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
