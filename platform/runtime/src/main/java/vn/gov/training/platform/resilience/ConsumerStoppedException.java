package vn.gov.training.platform.resilience;

/**
 * The service is stopping while a consumer waits for a part to come back: the record is neither applied nor
 * dead-lettered, and its offset is not committed, so it is consumed again after the restart.
 */
public class ConsumerStoppedException extends RuntimeException {

    public ConsumerStoppedException(String consumer, Throwable lastFailure) {
        super("consumer " + consumer + " stopped while waiting for infrastructure", lastFailure);
    }
}
