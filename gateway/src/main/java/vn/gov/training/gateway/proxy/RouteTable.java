package vn.gov.training.gateway.proxy;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which service answers which API path: the longest matching prefix wins, so
 * {@code /api/personnel/{id}/training-history} goes to enrolment-service while the rest of
 * {@code /api/personnel/**} goes to personnel-service. Every path prefix of the four services' resources is listed
 * here (personnel: org-units, personnel incl. imports, succession-plans, reference, national-sync; course: programs, classes,
 * institutions, plans, calendar-feeds; enrolment: enrolments, enrolment-requests, class-enrolments, credentials, commitments,
 * repayment-cases, rule-sets, person-copy, class-copy, training-history, calendar-subscriptions and notification-preferences of a person,
 * person-calendar-feeds; reporting: reports, yearly-minimum-rules,
 * admin/rebuild, feed, webhooks).
 */
@ApplicationScoped
public class RouteTable {

    public static final String PERSONNEL = "personnel";
    public static final String COURSE = "course";
    public static final String ENROLMENT = "enrolment";
    public static final String REPORTING = "reporting";
    public static final List<String> SERVICES = List.of(PERSONNEL, COURSE, ENROLMENT, REPORTING);

    /** A path pattern ({@code *} = one segment) and the service behind it. */
    record Route(String pattern, String service, Pattern regex) {
        static Route of(String pattern, String service) {
            String regex = pattern.replace("*", "[^/]+");
            return new Route(pattern, service, Pattern.compile("^" + regex + "(/.*)?$"));
        }
    }

    private static final List<Route> ROUTES = List.of(
            Route.of("/api/org-units", PERSONNEL), Route.of("/api/personnel", PERSONNEL),
            Route.of("/api/succession-plans", PERSONNEL), Route.of("/api/reference", PERSONNEL),
            Route.of("/api/national-sync", PERSONNEL),
            Route.of("/api/personnel/*/training-history", ENROLMENT),
            Route.of("/api/personnel/*/calendar-subscriptions", ENROLMENT),
            Route.of("/api/personnel/*/notification-preferences", ENROLMENT),
            Route.of("/api/person-calendar-feeds", ENROLMENT),
            Route.of("/api/programs", COURSE), Route.of("/api/classes", COURSE),
            Route.of("/api/institutions", COURSE), Route.of("/api/plans", COURSE),
            Route.of("/api/calendar-feeds", COURSE),
            Route.of("/api/enrolments", ENROLMENT), Route.of("/api/enrolment-requests", ENROLMENT),
            Route.of("/api/credentials", ENROLMENT), Route.of("/api/commitments", ENROLMENT),
            Route.of("/api/repayment-cases", ENROLMENT), Route.of("/api/rule-sets", ENROLMENT),
            Route.of("/api/class-enrolments", ENROLMENT), Route.of("/api/person-copy", ENROLMENT),
            Route.of("/api/class-copy", ENROLMENT), Route.of("/api/program-copy", ENROLMENT),
            Route.of("/api/reports", REPORTING), Route.of("/api/yearly-minimum-rules", REPORTING),
            Route.of("/api/admin/rebuild", REPORTING), Route.of("/api/feed", REPORTING),
            Route.of("/api/webhooks", REPORTING),
            Route.of("/api/admin/personal-data-reads", PERSONNEL))
            .stream().sorted(Comparator.comparingInt((Route r) -> r.pattern().length()).reversed()).toList();

    /** Paths anyone may call without a token (the services check nothing more for them either). */
    private static final List<Pattern> PUBLIC = List.of(Pattern.compile("^/api/credentials/[^/]+/verify$"),
            Pattern.compile("^/api/calendar-feeds/[^/]+\\.ics$"),
            Pattern.compile("^/api/person-calendar-feeds/[^/]+\\.ics$"));

    private final Map<String, URI> origins;

    public RouteTable(@ConfigProperty(name = "training.routes.personnel") URI personnel,
            @ConfigProperty(name = "training.routes.course") URI course,
            @ConfigProperty(name = "training.routes.enrolment") URI enrolment,
            @ConfigProperty(name = "training.routes.reporting") URI reporting) {
        this.origins = Map.of(PERSONNEL, personnel, COURSE, course, ENROLMENT, enrolment, REPORTING, reporting);
    }

    /** The service answering this path (without query), if any. */
    public Optional<String> serviceFor(String path) {
        return ROUTES.stream().filter(r -> r.regex().matcher(path).matches()).map(Route::service).findFirst();
    }

    public boolean isPublic(String path) {
        return PUBLIC.stream().anyMatch(p -> p.matcher(path).matches());
    }

    public URI origin(String service) {
        URI uri = origins.get(service);
        if (uri == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return uri;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Route route : ROUTES) {
            text.append(route.pattern()).append("/** -> ").append(origins.get(route.service())).append("; ");
        }
        return text.toString();
    }
}
