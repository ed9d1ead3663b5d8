package vn.gov.training.platform.resilience;

/**
 * A transient failure re-thrown without its cause (whose messages may name personal data): still recognised as
 * transient by {@link TransientFailure#of}.
 */
public class TransientFailureException extends RuntimeException {

    private final TransientFailure failure;

    public TransientFailureException(TransientFailure failure) {
        super(failure.kind() + ": " + failure.description(), null, false, false);
        this.failure = failure;
    }

    public TransientFailure failure() {
        return failure;
    }
}
