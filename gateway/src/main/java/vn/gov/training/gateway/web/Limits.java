package vn.gov.training.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;

/**
 * The gateway's own request limits, checked before anything else so that an oversized request gets a problem
 * document: a URI longer than {@code training.gateway.max-uri-length} (414), headers larger than
 * {@code training.gateway.max-header-size} (431), a declared body larger than {@code quarkus.http.limits.max-body-size}
 * (413). Vert.x' own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 * higher, so that such requests reach this check instead of being closed with an empty answer.
 */
@ApplicationScoped
public class Limits {

    private final int maxUriLength;
    private final long maxHeaderSize;
    private final long maxBodySize;

    public Limits(@ConfigProperty(name = "training.gateway.max-uri-length", defaultValue = "8192") int maxUriLength,
            @ConfigProperty(name = "training.gateway.max-header-size", defaultValue = "32K") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "20M") MemorySize maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize.asLongValue();
        this.maxBodySize = maxBodySize.asLongValue();
    }

    public boolean uriTooLong(String uri) {
        return uri != null && uri.length() > maxUriLength;
    }

    public boolean headersTooLarge(MultiMap headers) {
        long size = 0;
        for (var header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size > maxHeaderSize;
    }

    /** The declared body is larger than allowed (chunked bodies are counted by whoever reads them). */
    public boolean bodyTooLarge(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // not a number: the HTTP decoder refuses it as a bad request
        }
    }

    public long maxBodySize() {
        return maxBodySize;
    }

    public int maxUriLength() {
        return maxUriLength;
    }
}
