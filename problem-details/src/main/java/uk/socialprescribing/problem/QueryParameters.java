package uk.socialprescribing.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Typed query parameters that answer 400 naming the parameter when they cannot be read. (JAX-RS itself
 * answers 404 for a query parameter it cannot convert, which tells a client nothing.)
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalidField(name, "Format", "must be a date (yyyy-mm-dd)"));
        }
    }

    public static Optional<UUID> uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidField(name, "Format", "must be a UUID"));
        }
    }
}
