package vn.gov.training.deploy;

/** One service's part of the demo province. Must be idempotent: running it twice changes nothing. */
public interface DemoStep {

    String name();

    void load(DemoApi api);
}
