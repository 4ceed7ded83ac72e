package uk.socialprescribing.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.socialprescribing.web.api.ApiProblem;

/**
 * What a person sent in a form and what is wrong with it, to show in the NHS pattern: an error summary at the top
 * linking to each field, and each field's own message beside it, with what they typed kept.
 */
public final class Form {

    /** A problem with one field: its id on the page (the summary links to it) and the words for it. */
    public record Error(String field, String href, String message) {
    }

    private final String name;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** A form on a page; {@code name} tells two forms on one page apart (only the one sent shows errors). */
    public Form(String name) {
        this.name = name;
    }

    public static Form empty() {
        return new Form("");
    }

    public String name() {
        return name;
    }

    public boolean is(String formName) {
        return name.equals(formName);
    }

    /** Whether this is the form moving that connection on. */
    public boolean isMoving(java.util.UUID connection) {
        return name.equals("move-" + connection);
    }

    /** Whether this is the form recording that session. */
    public boolean isRecording(java.util.UUID session) {
        return name.equals("record-" + session);
    }

    public Form value(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** What was typed in a field of the form of this name; nothing where another form on the page was sent. */
    public String valueIn(String formName, String field) {
        return is(formName) ? value(field) : "";
    }

    /** A field's error in the form of this name; none where another form on the page was sent. */
    public String errorIn(String formName, String field) {
        return is(formName) ? error(field) : null;
    }

    public boolean selected(String field, String value) {
        return value != null && value.equals(values.get(field));
    }

    /** Whether a box of a group of checkboxes was ticked (kept as the field PREFIX + its value). */
    public boolean ticked(String prefix, String value) {
        return value != null && value.equals(values.get(prefix + value));
    }

    public Form error(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<Error> errors() {
        return errors.entrySet().stream().map(e -> new Error(e.getKey(), "#" + e.getKey(), e.getValue())).toList();
    }

    /**
     * The API's problem in this form's words: each field the API named against the form's field of that name
     * ({@code fields} maps API names to the page's, where they differ), anything else at the top.
     */
    public Form problem(ApiProblem problem, Map<String, String> fields) {
        return problem(problem, fields, Map.of());
    }

    /** As {@link #problem(ApiProblem, Map)}, with the page's own words for some of the API's rules. */
    public Form problem(ApiProblem problem, Map<String, String> fields, Map<String, String> rules) {
        for (ApiProblem.FieldError e : problem.problem().errors()) {
            String field = fields.getOrDefault(e.field(), e.field());
            String words = e.rule() != null && rules.containsKey(e.rule()) ? rules.get(e.rule()) : capitalise(e.message());
            error(values.containsKey(field) || fields.containsKey(e.field()) ? field : "form", words);
        }
        if (problem.problem().errors().isEmpty()) {
            error("form", problem.problem().detail() != null ? problem.problem().detail() : problem.problem().title());
        }
        return this;
    }

    /** What a person typed, without the spaces around it; null when they typed nothing. */
    static String typed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The day a person typed in an NHS date input (day, month and year apart), or null when it is not a real date. */
    static java.time.LocalDate date(String day, String month, String year) {
        try {
            return java.time.LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NullPointerException | NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** The form's Idempotency-Key ({@code {#once /}}) as sent, where it is one the app made (a UUID); otherwise none. */
    static String once(String sent) {
        try {
            return sent == null ? null : java.util.UUID.fromString(sent).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A whole number a person typed, or null. */
    static Integer wholeNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String capitalise(String message) {
        return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
