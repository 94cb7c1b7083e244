package dev.tributary.enrich.adapter;

import dev.tributary.schemas.badrows.FailureMessage;
import java.util.List;

/** What an adapter made of a request: events, or the reasons it could not make any. */
public sealed interface AdapterResult {

    record Events(List<AdapterEvent> events) implements AdapterResult {
        public Events {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an adapter that found no event must report a failure");
            }
        }
    }

    record Failure(List<FailureMessage> messages) implements AdapterResult {
        public Failure {
            messages = List.copyOf(messages);
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("a failure needs at least one message");
            }
        }
    }

    static Failure failure(FailureMessage message) {
        return new Failure(List.of(message));
    }

    static Events events(List<AdapterEvent> events) {
        return new Events(events);
    }
}
