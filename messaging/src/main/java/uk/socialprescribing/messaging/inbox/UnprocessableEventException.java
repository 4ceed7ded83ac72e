package uk.socialprescribing.messaging.inbox;

/** A message no retry can help: it goes to the consumer's dead-letter topic, with this message as the reason. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
