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

    /** A moment: a date-time with its offset ({@code 2026-11-01T09:00:00Z}), or a date, meaning its start in UTC. */
    public static Optional<java.time.Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(v.length() == 10 ? LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalidField(name, "Format", "must be a date-time with its offset (2026-11-01T09:00:00Z) or a date"));
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

    /** A whole number in [min, max]; the default when absent. */
    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalidField(name, "Format", "must be a whole number"));
        }
        if (parsed < min || parsed > max) {
            throw new ProblemException(Problem.invalidField(name, "Range", "must be between " + min + " and " + max));
        }
        return parsed;
    }

    public static Optional<Boolean> bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new ProblemException(Problem.invalidField(name, "Format", "must be true or false"));
        };
    }

    /** One of a fixed list of values, read by {@code parse} (which answers null for an unknown value). */
    public static <T> Optional<T> oneOf(String name, String value, java.util.function.Function<String, T> parse,
            java.util.Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        T parsed = parse.apply(value.strip());
        if (parsed == null) {
            throw new ProblemException(Problem.invalidField(name, "OneOf", "must be one of " + String.join(", ", allowed)));
        }
        return Optional.of(parsed);
    }

    /** A time of day, 09:30 or 09:30:00. */
    public static Optional<java.time.LocalTime> time(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalTime.parse(value.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(Problem.invalidField(name, "Time", "must be a time such as 09:30 or 09:30:00"));
        }
    }

    /** A finite decimal number in [min, max]. */
    public static Optional<Double> decimal(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalidField(name, "Format", "must be a number"));
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new ProblemException(Problem.invalidField(name, "Range", "must be between " + min + " and " + max));
        }
        return Optional.of(parsed);
    }
}
