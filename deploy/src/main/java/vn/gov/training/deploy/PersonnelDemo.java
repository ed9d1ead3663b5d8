package vn.gov.training.deploy;

/** Demo data of personnel-service. */
final class PersonnelDemo implements DemoStep {

    @Override
    public String name() {
        return "personnel";
    }

    @Override
    public void load(DemoApi api) {
        // written with personnel-service's API
    }
}
