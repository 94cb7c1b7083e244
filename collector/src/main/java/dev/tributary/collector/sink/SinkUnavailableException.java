package dev.tributary.collector.sink;

/** Kafka did not acknowledge every record of a request in time; the client must retry the whole request. */
public class SinkUnavailableException extends RuntimeException {

    public SinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
