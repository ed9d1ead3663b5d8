package vn.gov.training.platform.testing;

/** The test stack's PostgreSQL, for tests that show what a service does while its database is away. */
public final class Postgres {

    private Postgres() {
    }

    /** Stops the server (every database of the test stack; data survives). */
    public static void stop() {
        LocalStack.stack("down", "postgres");
    }

    /** Starts it again and waits until it accepts connections. */
    public static void start() {
        LocalStack.stack("up", "postgres");
    }
}
