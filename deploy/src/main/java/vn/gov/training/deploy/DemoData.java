package vn.gov.training.deploy;

import java.util.List;

/**
 * Loads a believable Hậu Giang province through the public APIs, as the admin demo user: units and staff, then
 * the catalogue and classes, then nominations and results. Run by {@code deploy/stack up} once; safe to rerun.
 *
 * <p>The catalogue and classes need only the units (course-service waits for its copy of them), not the staff: they
 * load side by side with personnel's staff, levels and ratings. Nominations need both, and come last.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void main(String[] args) {
        DemoApi api = new DemoApi(System.getenv(), "admin");
        long started = System.nanoTime();
        List<List<DemoStep>> sideBySide = List.of(List.of(new PersonnelDemo(), new StaffAccountDemo()),
                List.of(new CourseDemo()));
        api.inParallel(sideBySide, sideBySide.size(), steps -> {
            steps.forEach(step -> load(api, step));
            return steps.size();
        });
        load(api, new EnrolmentDemo());
        System.out.printf("Demo data: loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private static void load(DemoApi api, DemoStep step) {
        long started = System.nanoTime();
        step.load(api);
        System.out.printf("Demo data: %s loaded in %d ms%n", step.name(), (System.nanoTime() - started) / 1_000_000);
    }
}
