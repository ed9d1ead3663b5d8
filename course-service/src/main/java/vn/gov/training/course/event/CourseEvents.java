package vn.gov.training.course.event;

/** The {@code course} topic and its aggregates (docs/events.md); keys are the aggregates' UUIDs. */
public final class CourseEvents {

    public static final String TOPIC = "course";
    public static final String PROGRAM = "program";
    public static final String CLASS = "class";
    public static final String PLAN = "plan";

    private CourseEvents() {
    }
}
