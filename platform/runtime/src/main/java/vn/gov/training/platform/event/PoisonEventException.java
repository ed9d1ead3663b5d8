package vn.gov.training.platform.event;

/**
 * An event that can never be processed, however often it is retried: it goes straight to the dead-letter topic
 * with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
