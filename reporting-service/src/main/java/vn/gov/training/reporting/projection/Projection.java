package vn.gov.training.reporting.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;

/** Routes the events of a consumed topic to its projector; runs in the caller's transaction. */
@ApplicationScoped
public class Projection {

    public static final List<String> TOPICS = List.of("org-unit", "personnel", "course", "enrolment");

    private final UnitProjector units;
    private final PersonProjector people;
    private final CourseProjector courses;
    private final EnrolmentProjector enrolments;

    Projection(UnitProjector units, PersonProjector people, CourseProjector courses, EnrolmentProjector enrolments) {
        this.units = units;
        this.people = people;
        this.courses = courses;
        this.enrolments = enrolments;
    }

    public void apply(String topic, EventEnvelope event) {
        applyAll(topic, List.of(event));
    }

    /**
     * Applies a batch of one topic's events, in order per aggregate: person and enrolment events set-based (a
     * handful of statements per batch), unit and course events one by one.
     */
    public void applyAll(String topic, List<EventEnvelope> events) {
        switch (topic) {
            case "org-unit" -> events.forEach(units::apply);
            case "personnel" -> people.applyAll(events);
            case "course" -> events.forEach(courses::apply);
            case "enrolment" -> enrolments.applyAll(events);
            default -> throw new IllegalArgumentException("not a consumed topic: " + topic);
        }
    }

    /** The inbox name of the projection into one generation's schema. */
    public static String consumerName(String schema) {
        return "reporting.projection." + schema;
    }
}
