package vn.gov.training.reporting.rest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.problem.ProblemResponses;
import vn.gov.training.reporting.projection.OutdatedReadModelException;
import vn.gov.training.reporting.projection.Rebuild;

/**
 * A report asked while the read model is rebuilt for a newer model: 503 {@code read-model-rebuilding} with
 * {@code Retry-After} and the rebuild's progress ({@code rebuild}: id, events read, events in all).
 */
public class OutdatedReadModelMapper {

    private final ProblemResponses problems;
    private final Rebuild rebuild;

    @ConfigProperty(name = "training.reports.rebuilding-retry-after", defaultValue = "30s")
    Duration retryAfter;

    OutdatedReadModelMapper(ProblemResponses problems, Rebuild rebuild) {
        this.problems = problems;
        this.rebuild = rebuild;
    }

    @ServerExceptionMapper
    public Response rebuilding(OutdatedReadModelException e) {
        long seconds = retryAfter.toSeconds();
        ProblemException problem = new ProblemException(503, "read-model-rebuilding", seconds);
        rebuild.building().ifPresent(p -> {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("id", p.id());
            progress.put("eventsRead", p.eventsRead());
            progress.put("eventsTotal", p.eventsTotal());
            problem.with("rebuild", progress);
        });
        return Response.fromResponse(problems.of(problem)).header("Retry-After", seconds).build();
    }
}
