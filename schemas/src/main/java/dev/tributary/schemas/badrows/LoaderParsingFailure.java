package dev.tributary.schemas.badrows;

import java.util.List;
import java.util.Objects;

/** Why a loader could not read a line as an enriched event (loader_parsing_error). */
public sealed interface LoaderParsingFailure {

    /** The line is not tab-separated values. */
    record NotTsv() implements LoaderParsingFailure {
    }

    /** The line has the wrong number of fields. */
    record FieldNumberMismatch(int fieldCount) implements LoaderParsingFailure {
    }

    /** Some fields could not be decoded; never empty. */
    record RowDecodingError(List<DecodingIssue> errors) implements LoaderParsingFailure {
        public RowDecodingError {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a RowDecodingError needs at least one issue");
            }
        }
    }

    sealed interface DecodingIssue {
    }

    /** Field {@code key} holds {@code value}, which is not valid for it. */
    record InvalidValue(String key, String value, String message) implements DecodingIssue {
        public InvalidValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(message, "message");
        }
    }

    record UnhandledDecodingError(String message) implements DecodingIssue {
        public UnhandledDecodingError {
            Objects.requireNonNull(message, "message");
        }
    }
}
