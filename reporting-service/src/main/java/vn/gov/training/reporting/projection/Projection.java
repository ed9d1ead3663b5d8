package vn.gov.training.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;

/** Routes an event of a consumed topic to its projector; runs in the caller's transaction. */
@ApplicationScoped
public class Projection {

    public static final java.util.List<String> TOPICS = java.util.List.of("org-unit", "personnel", "course", "enrolment");

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
        switch (topic) {
            case "org-unit" -> units.apply(event);
            case "personnel" -> people.apply(event);
            case "course" -> courses.apply(event);
            case "enrolment" -> enrolments.apply(event);
            default -> throw new IllegalArgumentException("not a consumed topic: " + topic);
        }
    }

    /** Applies a batch of one topic's events, in order. */
    public void applyAll(String topic, java.util.List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            apply(topic, event);
        }
    }

    /** The inbox name of the projection into one generation's schema. */
    public static String consumerName(String schema) {
        return "reporting.projection." + schema;
    }
}
