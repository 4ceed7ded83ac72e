package uk.socialprescribing.directory.service;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.domain.ListingChange;

/**
 * Bulk import of listings from CSV (parsed by Apache Commons CSV), the way a neighbouring directory or a partner's
 * spreadsheet federates. Every row is checked before anything is written: one bad row fails the whole import with
 * each problem named by its line, so nothing is ever half-imported. A listing is known again by its organisation and
 * name: a re-import changes it (logged, service.updated) rather than adding a second one.
 */
@ApplicationScoped
public class ListingImport {

    /** What an import did. */
    public record Outcome(int created, int updated, int unchanged) {
    }

    static final List<String> REQUIRED = List.of("organisation", "name", "description", "category", "venue", "town", "postcode");
    static final Set<String> KNOWN = Set.of("organisation", "name", "description", "category", "venue", "town", "postcode", "schedule", "cost",
            "capacity_maximum", "capacity_available", "minimum_age", "maximum_age", "languages", "accessibility", "contact_name",
            "contact_email", "contact_phone");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}");
    static final Pattern POSTCODE = Pattern.compile(Postcodes.FULL);
    static final int MAX_ROWS = 5_000;

    /** A listing to import, under its organisation's name. */
    public record Row(String organisation, Listing.Details details) {
    }

    private final EntityManager entityManager;
    private final Publishing publishing;
    private final Partnering partnering;
    private final ActivityTerms terms;
    private final Clock clock;

    public ListingImport(EntityManager entityManager, Publishing publishing, Partnering partnering, ActivityTerms terms, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.publishing = publishing;
        this.partnering = partnering;
        this.terms = terms;
    }

    @Transactional
    public Outcome csv(Reader csv, String by) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = read(csv, errors);
        return apply(rows, errors, by);
    }

    /**
     * Imports rows read and checked elsewhere (an ORUK feed): all of them, or none when {@code errors} holds any, named
     * as the reader named them.
     */
    @Transactional
    public Outcome apply(List<Row> rows, List<Problem.FieldError> errors, String by) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.size() + " problem(s) in the import; nothing was imported",
                    errors.subList(0, Math.min(errors.size(), 100)));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Row row : rows) {
            List<Listing> existing = entityManager.createQuery("from Listing l where l.organization.name = :org and l.name = :name "
                    + "and l.withdrawnAt is null", Listing.class).setParameter("org", row.organisation()).setParameter("name", row.details().name())
                    .getResultList();
            if (existing.isEmpty()) {
                publishing.publish(row.organisation(), row.details(), true, by);
                created++;
                continue;
            }
            Listing listing = existing.get(0);
            Instant now = clock.instant();
            Map<String, ListingChange.Difference> changes = listing.revise(row.details(), now);
            if (changes.isEmpty()) {
                unchanged++;
                continue;
            }
            partnering.revised(listing, changes, by, now);
            updated++;
        }
        return new Outcome(created, updated, unchanged);
    }

    private List<Row> read(Reader csv, List<Problem.FieldError> errors) {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
                .get().parse(csv)) {
            List<String> header = parser.getHeaderNames();
            for (String required : REQUIRED) {
                if (!header.contains(required)) {
                    errors.add(new Problem.FieldError("line 1: " + required, "RequiredColumn", "the header must name this column"));
                }
            }
            for (String column : header) {
                if (!KNOWN.contains(column)) {
                    errors.add(new Problem.FieldError("line 1: " + column, "KnownColumn", "is not a column this import reads: " + KNOWN));
                }
            }
            if (!errors.isEmpty()) {
                return rows;
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() >= MAX_ROWS) {
                    errors.add(new Problem.FieldError("line " + line, "MaxRows", "an import holds at most " + MAX_ROWS + " listings"));
                    break;
                }
                int before = errors.size();
                if (record.stream().anyMatch(value -> value != null && value.indexOf('\u0000') >= 0)) {
                    errors.add(new Problem.FieldError("line " + line, "NoNulCharacter", "must not contain the NUL character (U+0000)"));
                    continue;
                }
                if (!record.isConsistent()) {
                    errors.add(new Problem.FieldError("line " + line, "Columns", "has " + record.size() + " values for " + header.size() + " columns"));
                    continue;
                }
                for (String required : REQUIRED) {
                    if (record.get(required).isEmpty()) {
                        errors.add(new Problem.FieldError("line " + line + ": " + required, "Required", "must not be empty"));
                    }
                }
                String category = record.get("category");
                if (!category.isEmpty() && !terms.isTerm(category)) {
                    errors.add(new Problem.FieldError("line " + line + ": category", "TaxonomyTerm", "must be a term of the activity taxonomy"));
                }
                String postcode = record.get("postcode");
                if (!postcode.isEmpty() && !POSTCODE.matcher(postcode).matches()) {
                    errors.add(new Problem.FieldError("line " + line + ": postcode", "Postcode", "must be a UK postcode"));
                }
                Integer maximum = number(record, "capacity_maximum", line, errors, 100_000);
                Integer available = number(record, "capacity_available", line, errors, 100_000);
                Integer minimumAge = number(record, "minimum_age", line, errors, 130);
                Integer maximumAge = number(record, "maximum_age", line, errors, 130);
                if (maximum != null && available != null && available > maximum) {
                    errors.add(new Problem.FieldError("line " + line + ": capacity_available", "WithinMaximum", "must not be more than capacity_maximum"));
                }
                String key = record.get("organisation") + "\n" + record.get("name");
                if (!seen.add(key)) {
                    errors.add(new Problem.FieldError("line " + line + ": name", "Unique", "lists the same organisation's service twice"));
                }
                List<String> languages = codes(record, "languages", line, errors, Vocabulary::languageCode, "must be ISO 639-1 language codes "
                        + "(or bfi for British Sign Language) separated by semicolons");
                List<String> access = codes(record, "accessibility", line, errors, Vocabulary::accessCode, "must be access feature codes "
                        + "separated by semicolons: " + Vocabulary.ACCESS.keySet());
                String email = optional(record, "contact_email");
                if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                    errors.add(new Problem.FieldError("line " + line + ": contact_email", "Email", "must be an email address"));
                }
                String phone = optional(record, "contact_phone");
                if (phone != null && !PHONE.matcher(phone).matches()) {
                    errors.add(new Problem.FieldError("line " + line + ": contact_phone", "Phone", "must be a telephone number"));
                }
                if (errors.size() == before) {
                    String contactName = optional(record, "contact_name");
                    rows.add(new Row(record.get("organisation"), new Listing.Details(record.get("name"), record.get("description"), category,
                            record.get("venue"), record.get("town"), postcode.toUpperCase(Locale.ROOT), optional(record, "schedule"),
                            optional(record, "cost"), maximum, available, minimumAge, maximumAge, languages, access,
                            contactName == null && email == null && phone == null ? null : new Listing.Contact(contactName, email, phone))));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new Problem.FieldError("file", "Csv", "is not CSV that can be read: " + e.getMessage()));
        }
        return rows;
    }

    private static Integer number(CSVRecord record, String column, long line, List<Problem.FieldError> errors, int max) {
        String value = optional(record, column);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > max) {
                errors.add(new Problem.FieldError("line " + line + ": " + column, "Range", "must be between 0 and " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError("line " + line + ": " + column, "Integer", "must be a whole number"));
            return null;
        }
    }

    private static List<String> codes(CSVRecord record, String column, long line, List<Problem.FieldError> errors,
            Function<String, Optional<String>> code, String rule) {
        String value = optional(record, column);
        if (value == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String given : value.split(";")) {
            if (given.isBlank()) {
                continue;
            }
            Optional<String> known = code.apply(given.strip());
            if (known.isEmpty()) {
                errors.add(new Problem.FieldError("line " + line + ": " + column, "Code", rule));
                return List.of();
            }
            codes.add(known.get());
        }
        return List.copyOf(codes);
    }

    private static String optional(CSVRecord record, String column) {
        return record.isMapped(column) && !record.get(column).isEmpty() ? record.get(column) : null;
    }
}
