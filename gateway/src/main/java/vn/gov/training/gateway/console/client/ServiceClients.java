package vn.gov.training.gateway.console.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import vn.gov.training.gateway.proxy.RouteTable;

/**
 * The console's REST clients, one per service, at the service's origin from the gateway's route table (the same
 * addresses as the API door). A service's error comes back as a response, not as an exception (no default mapper):
 * the pages show its problem document.
 */
@ApplicationScoped
public class ServiceClients {

    @Inject
    RouteTable routes;
    @Inject
    ConsoleCallHeaders headers;
    @ConfigProperty(name = "training.console.service-timeout")
    Duration timeout;
    @ConfigProperty(name = "training.console.upload-timeout")
    Duration uploadTimeout;
    @ConfigProperty(name = "training.gateway.connect-timeout")
    Duration connectTimeout;

    private final Map<String, DeadLetterApi> deadLetters = new ConcurrentHashMap<>();

    @Produces
    @ApplicationScoped
    PersonnelApi personnel() {
        return build(RouteTable.PERSONNEL, PersonnelApi.class);
    }

    @Produces
    @ApplicationScoped
    @Uploads
    PersonnelApi personnelUploads() {
        return build(RouteTable.PERSONNEL, PersonnelApi.class, uploadTimeout);
    }

    @Produces
    @ApplicationScoped
    CourseApi course() {
        return build(RouteTable.COURSE, CourseApi.class);
    }

    @Produces
    @ApplicationScoped
    EnrolmentApi enrolment() {
        return build(RouteTable.ENROLMENT, EnrolmentApi.class);
    }

    @Produces
    @ApplicationScoped
    @Uploads
    EnrolmentApi enrolmentUploads() {
        return build(RouteTable.ENROLMENT, EnrolmentApi.class, uploadTimeout);
    }

    @Produces
    @ApplicationScoped
    ReportingApi reporting() {
        return build(RouteTable.REPORTING, ReportingApi.class);
    }

    /** The dead-letter topics of one service (each of the four answers for its own). */
    public DeadLetterApi deadLetters(String service) {
        return deadLetters.computeIfAbsent(service, s -> build(s, DeadLetterApi.class));
    }

    private <T> T build(String service, Class<T> api) {
        return build(service, api, timeout);
    }

    private <T> T build(String service, Class<T> api, Duration readTimeout) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(routes.origin(service))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .register(headers)
                .build(api);
    }
}
