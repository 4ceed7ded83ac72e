package uk.socialprescribing.conventions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a request's query parameters as text and types them, collecting every problem so that one 400 names them all:
 * <pre>
 * QueryParameters query = QueryParameters.read();
 * Optional&lt;LocalDate&gt; from = query.date("from", from);
 * PageRequest page = query.page(page, size);
 * query.check();   // a 400 naming each parameter that could not be read, and the rule it broke
 * </pre>
 * Parameters are declared as {@code String} because JAX-RS answers 404 for a query parameter it cannot convert,
 * which tells a client nothing. A value that cannot be read reads as absent until {@link #check()}.
 */
public final class QueryParameters {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private QueryParameters() {
    }

    public static QueryParameters read() {
        return new QueryParameters();
    }

    /** Answers 400 naming every parameter that could not be read; does nothing when all could. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidFields(errors));
        }
    }

    /** Records a problem with a parameter that the caller checks itself (e.g. one that depends on another). */
    public void reject(String name, String rule, String message) {
        errors.add(new Problem.FieldError(name, rule, message));
    }

    /** {@code page} (from 1) and {@code size} (1 to {@value PageRequest#MAX_SIZE}, {@value PageRequest#DEFAULT_SIZE} by default). */
    public PageRequest page(String page, String size) {
        return new PageRequest(integer("page", page, 1, 1, PageRequest.MAX_PAGE),
                integer("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE));
    }

    public Optional<LocalDate> date(String name, String value) {
        return parse(name, value, LocalDate::parse, "Format", "must be a date (yyyy-mm-dd)");
    }

    /** A moment: a date-time with its offset ({@code 2026-11-01T09:00:00Z}), or a date, meaning its start in UTC. */
    public Optional<Instant> instant(String name, String value) {
        return parse(name, value, v -> v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                : OffsetDateTime.parse(v).toInstant(), "Format", "must be a date-time with its offset (2026-11-01T09:00:00Z) or a date");
    }

    public Optional<UUID> uuid(String name, String value) {
        return parse(name, value, UUID::fromString, "Format", "must be a UUID");
    }

    /** A time of day, 09:30 or 09:30:00. */
    public Optional<LocalTime> time(String name, String value) {
        return parse(name, value, LocalTime::parse, "Time", "must be a time such as 09:30 or 09:30:00");
    }

    public Optional<Boolean> bool(String name, String value) {
        return parse(name, value, v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(v);
        }, "Format", "must be true or false");
    }

    /** A whole number in [min, max], or empty when absent. */
    public Optional<Integer> integer(String name, String value, int min, int max) {
        Optional<Integer> parsed = parse(name, value, Integer::parseInt, "Format", "must be a whole number");
        if (parsed.isPresent() && (parsed.get() < min || parsed.get() > max)) {
            reject(name, "Range", "must be between " + min + " and " + max);
            return Optional.empty();
        }
        return parsed;
    }

    /** A whole number in [min, max]; the default when absent or not valid. */
    public int integer(String name, String value, int defaultValue, int min, int max) {
        return integer(name, value, min, max).orElse(defaultValue);
    }

    /** A finite decimal number in [min, max]. */
    public Optional<Double> decimal(String name, String value, double min, double max) {
        Optional<Double> parsed = parse(name, value, Double::parseDouble, "Format", "must be a number");
        if (parsed.isPresent() && !(parsed.get() >= min && parsed.get() <= max)) {
            reject(name, "Range", "must be between " + min + " and " + max);
            return Optional.empty();
        }
        return parsed;
    }

    /** One of a fixed list of values, read by {@code parse} (which answers null for an unknown value). */
    public <T> Optional<T> oneOf(String name, String value, Function<String, T> parse, Collection<String> allowed) {
        if (absent(value)) {
            return Optional.empty();
        }
        T parsed = parse.apply(value.strip());
        if (parsed == null) {
            reject(name, "OneOf", "must be one of " + String.join(", ", allowed));
        }
        return Optional.ofNullable(parsed);
    }

    /** Text matching a regular expression, or empty when absent. */
    public Optional<String> matching(String name, String value, String regex, String message) {
        if (absent(value)) {
            return Optional.empty();
        }
        String text = value.strip();
        if (!text.matches(regex)) {
            reject(name, "Pattern", message);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Free text of {@code min} to {@code max} characters once stripped, or empty when absent. */
    public Optional<String> text(String name, String value, int min, int max) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() < min || text.length() > max) {
            reject(name, "Size", "must be " + min + " to " + max + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private <T> Optional<T> parse(String name, String value, Function<String, T> parse, String rule, String message) {
        if (absent(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value.strip()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            reject(name, rule, message);
            return Optional.empty();
        }
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
