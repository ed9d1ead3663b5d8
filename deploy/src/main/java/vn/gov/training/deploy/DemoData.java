package vn.gov.training.deploy;

import java.util.List;

/**
 * Loads a believable Hậu Giang province through the public APIs, as the admin demo user: units and staff, then
 * the catalogue and classes, then nominations and results. Run by {@code deploy/stack up} once; safe to rerun.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void main(String[] args) {
        DemoApi api = new DemoApi(System.getenv(), "admin");
        List<DemoStep> steps = List.of(new PersonnelDemo(), new StaffAccountDemo(), new CourseDemo(),
                new EnrolmentDemo());
        for (DemoStep step : steps) {
            long started = System.nanoTime();
            step.load(api);
            System.out.printf("Demo data: %s loaded in %d ms%n", step.name(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
