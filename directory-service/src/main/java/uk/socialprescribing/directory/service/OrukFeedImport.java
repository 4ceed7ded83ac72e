package uk.socialprescribing.directory.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.OutboundAddresses;
import uk.socialprescribing.directory.config.DirectoryConfig;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.Unavailable;
import uk.socialprescribing.directory.domain.Listing;

/**
 * Import from a neighbouring directory's Open Referral UK 3.0 feed, by URL (paging through {@code /services}, then
 * reading each service in full) or from a file saved from one (a page of full services, or an array of them). This is
 * how directories federate. Each service becomes a listing under its organisation's name, checked as a CSV row is; one
 * that cannot be read fails the whole import, named, and nothing is written; a re-import updates rather than
 * duplicates. Over 300 lines: the standard's page is walked by field name; reading it into {@code OrukModel}'s records
 * instead is the next split.
 */
@ApplicationScoped
public class OrukFeedImport {

    static final int PER_PAGE = 100;
    static final int MAX_PAGES = ListingImport.MAX_ROWS / PER_PAGE;
    static final Map<String, String> DAY_NAMES = Map.of("MO", "Mondays", "TU", "Tuesdays", "WE", "Wednesdays", "TH", "Thursdays",
            "FR", "Fridays", "SA", "Saturdays", "SU", "Sundays");

    private final ListingImport importing;
    private final ActivityTerms terms;
    private final ObjectMapper mapper;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Redirects followed at most, each checked like the feed's own address. */
    static final int MAX_REDIRECTS = 5;

    private final OutboundAddresses allowed;

    public OrukFeedImport(ListingImport importing, ActivityTerms terms, ObjectMapper mapper, DirectoryConfig config) {
        this.allowed = OutboundAddresses.allowing(config.feeds().allowedAddresses().orElse(List.of()));
        this.importing = importing;
        this.terms = terms;
        this.mapper = mapper;
    }

    /** Reads the whole feed at {@code base} (the address its {@code GET /} answers at), then imports it. */
    public ListingImport.Outcome fromFeed(URI base, String by) {
        String root = base.toString().replaceAll("/+$", "");
        List<JsonNode> services = new ArrayList<>();
        int page = 1;
        int totalPages;
        do {
            JsonNode listing = get(root + "/services?page=" + page + "&per_page=" + PER_PAGE);
            JsonNode contents = listing.get("contents");
            if (contents == null || !contents.isArray() || !listing.path("total_pages").canConvertToInt()) {
                throw unreadable(root + "/services?page=" + page, "is not an ORUK page (contents, total_pages)");
            }
            totalPages = listing.get("total_pages").asInt();
            for (JsonNode service : contents) {
                String id = service.path("id").asText("");
                if (!id.matches("[0-9a-fA-F-]{36}")) {
                    throw unreadable(root + "/services?page=" + page, "lists a service without a UUID id");
                }
                services.add(get(root + "/services/" + id));
                if (services.size() > ListingImport.MAX_ROWS) {
                    throw new InvalidInput("url", "MaxRows", "the feed holds more than " + ListingImport.MAX_ROWS
                            + " services; an import holds at most that many");
                }
            }
            page++;
        } while (page <= totalPages && page <= MAX_PAGES + 1);
        return fromServices(services, "service ", true, by);
    }

    /** A file saved from a feed: a page of full services ({@code contents}) or an array of them. */
    public ListingImport.Outcome fromFile(JsonNode file, String by) {
        JsonNode services = file.isArray() ? file : file.get("contents");
        if (services == null || !services.isArray() || services.isEmpty()) {
            throw new InvalidInput("contents", "Required",
                    "must be a page of ORUK services (contents) or an array of them, with at least one");
        }
        if (services.size() > ListingImport.MAX_ROWS) {
            throw new InvalidInput("contents", "MaxRows", "an import holds at most " + ListingImport.MAX_ROWS + " services");
        }
        if (file.isObject()) {
            for (Iterator<String> fields = file.fieldNames(); fields.hasNext();) {
                String field = fields.next();
                if (!OrukServiceShape.PAGE_FIELDS.contains(field)) {
                    throw new InvalidInput(field, "Unknown", "is not a field of an ORUK page ("
                            + String.join(", ", new TreeSet<>(OrukServiceShape.PAGE_FIELDS)) + ")");
                }
            }
        }
        List<JsonNode> all = new ArrayList<>();
        services.forEach(all::add);
        return fromServices(all, file.isArray() ? "[" : "contents[", false, by);
    }

    private ListingImport.Outcome fromServices(List<JsonNode> services, String prefix, boolean byId, String by) {
        for (int i = 0; i < services.size(); i++) {
            String nul = nulIn(services.get(i), prefix + i + "]");
            if (nul != null) {
                // PostgreSQL cannot store it, and no listing needs it
                throw new InvalidInput(nul, "NoNulCharacter", "must not contain the NUL character (U+0000)");
            }
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ListingImport.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            JsonNode s = services.get(i);
            String at = byId ? prefix + s.path("id").asText() + ": " : prefix + i + "].";
            int before = errors.size();
            if (!s.isObject()) {
                errors.add(new Problem.FieldError(byId ? prefix + s.path("id").asText() : prefix + i + "]", "OrukType",
                        "must be an ORUK service (an object)"));
                continue;
            }
            String organisation = text(s.path("organization"), "name");
            String name = text(s, "name");
            String description = text(s, "description");
            required(at, "organization.name", organisation, 300, errors);
            required(at, "name", name, 300, errors);
            required(at, "description", description, 4000, errors);
            String category = category(s).orElse(null);
            if (category == null) {
                errors.add(new Problem.FieldError(at + "attributes", "TaxonomyTerm",
                        "no taxonomy term of the social-prescribing activity taxonomy (by id, code or name)"));
            }
            JsonNode location = s.path("service_at_locations").path(0).path("location");
            JsonNode address = location.path("addresses").path(0);
            String venue = Optional.ofNullable(text(location, "name")).orElse(text(address, "address_1"));
            String town = text(address, "city");
            String postcode = text(address, "postal_code");
            required(at, "service_at_locations[0].location.name", venue, 300, errors);
            required(at, "service_at_locations[0].location.addresses[0].city", town, 100, errors);
            if (postcode == null || !postcode.strip().matches(Postcodes.FULL)) {
                errors.add(new Problem.FieldError(at + "service_at_locations[0].location.addresses[0].postal_code", "Postcode", "must be a UK postcode"));
            }
            Integer minimumAge = age(s, "minimum_age", at, errors);
            Integer maximumAge = age(s, "maximum_age", at, errors);
            JsonNode capacity = s.path("service_capacity");
            Integer maximum = count(capacity, "maximum", at + "service_capacity.", errors);
            Integer available = count(capacity, "available", at + "service_capacity.", errors);
            if (maximum != null && available != null && available > maximum) {
                errors.add(new Problem.FieldError(at + "service_capacity.available", "WithinMaximum", "must not be more than maximum"));
            }
            List<String> languages = new ArrayList<>();
            JsonNode givenLanguages = s.path("languages");
            for (int k = 0; k < givenLanguages.size(); k++) {
                JsonNode language = givenLanguages.get(k);
                Optional<String> code = Vocabulary.languageCode(text(language, "code")).or(() -> Vocabulary.languageCode(text(language, "name")));
                if (code.isEmpty()) {
                    errors.add(new Problem.FieldError(at + "languages[" + k + "]", "Code", "must name an ISO 639-1 language by code or name"));
                } else if (!languages.contains(code.get())) {
                    languages.add(code.get());
                }
            }
            // access features we have a code for are kept; a feed's own free text cannot be searched on, so it is left out
            List<String> access = new ArrayList<>();
            for (JsonNode feature : location.path("accessibility")) {
                Vocabulary.accessCode(text(feature, "details")).or(() -> Vocabulary.accessCode(text(feature, "description")))
                        .filter(code -> !access.contains(code)).ifPresent(access::add);
            }
            JsonNode amount = s.path("cost_options").path(0).path("amount");
            if (amount.isNumber() && (amount.decimalValue().signum() < 0 || amount.decimalValue().compareTo(ListingStructure.MOST_A_COST_NAMES) > 0)) {
                errors.add(new Problem.FieldError(at + "cost_options[0].amount", "Range", "must be from 0 to " + ListingStructure.MOST_A_COST_NAMES));
            }
            JsonNode contact = s.path("contacts").path(0);
            String email = text(contact, "email");
            if (email != null && (email.length() > 254 || !ListingImport.EMAIL.matcher(email).matches())) {
                errors.add(new Problem.FieldError(at + "contacts[0].email", "Email", "must be an email address"));
            }
            String phone = text(contact.path("phones").path(0), "number");
            if (phone != null && !ListingImport.PHONE.matcher(phone).matches()) {
                errors.add(new Problem.FieldError(at + "contacts[0].phones[0].number", "Phone", "must be a telephone number"));
            }
            if (organisation != null && name != null && !seen.add(organisation + "\n" + name)) {
                errors.add(new Problem.FieldError(at + "name", "Unique", "lists the same organisation's service twice"));
            }
            OrukServiceShape.check(s, at, errors);
            if (errors.size() == before) {
                String contactName = text(contact, "name");
                rows.add(new ListingImport.Row(organisation.strip(), new Listing.Details(name.strip(), description.strip(), category,
                        venue.strip(), town.strip(), postcode.strip().toUpperCase(Locale.ROOT), schedule(s), cost(s), maximum, available,
                        minimumAge, maximumAge, languages, access,
                        contactName == null && email == null && phone == null ? null : new Listing.Contact(contactName, email, phone))));
            }
        }
        return importing.apply(rows, errors, by);
    }

    /** Where the first text holding a NUL character is, or null. */
    private static String nulIn(JsonNode node, String at) {
        if (node.isTextual()) {
            return node.asText().indexOf('\u0000') >= 0 ? at : null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().indexOf('\u0000') >= 0) {
                return at;
            }
            String found = nulIn(field.getValue(), at + "." + field.getKey());
            if (found != null) {
                return found;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = nulIn(node.get(i), at + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The first of the service's taxonomy terms that is a term of ours, by id, code (term) or name. */
    private Optional<String> category(JsonNode service) {
        for (JsonNode attribute : service.path("attributes")) {
            JsonNode term = attribute.path("taxonomy_term");
            for (String candidate : new String[] { text(attribute, "taxonomy_term_id"), text(term, "id"), text(term, "code"), text(term, "term"),
                    text(term, "name") }) {
                Optional<String> code = terms.codeOf(candidate);
                if (code.isPresent()) {
                    return code;
                }
            }
        }
        return Optional.empty();
    }

    /** A single weekly session as our partners write it ("Tuesdays 10:30-12:00"); else the feed's own description, if any. */
    static String schedule(JsonNode service) {
        JsonNode schedule = service.path("schedules").path(0);
        if (schedule.isMissingNode()) {
            return null;
        }
        String description = text(schedule, "description");
        if (description != null && ListingStructure.weekly(description).isPresent()) {
            return description;
        }
        String day = DAY_NAMES.get(Optional.ofNullable(text(schedule, "byday")).orElse("").toUpperCase(Locale.ROOT));
        String opens = text(schedule, "opens_at");
        String closes = text(schedule, "closes_at");
        if ("WEEKLY".equalsIgnoreCase(text(schedule, "freq")) && day != null && opens != null && closes != null && opens.length() >= 5
                && closes.length() >= 5) {
            return day + " " + opens.substring(0, 5) + "-" + closes.substring(0, 5);
        }
        return description == null ? null : description.substring(0, Math.min(300, description.length()));
    }

    /** The first cost option, in the words our partners use: its own words when they name the same amount, else Free or £n. */
    static String cost(JsonNode service) {
        JsonNode option = service.path("cost_options").path(0);
        if (option.isMissingNode() || !option.path("amount").isNumber()) {
            String words = text(option, "option");
            return words == null ? null : words.substring(0, Math.min(200, words.length()));
        }
        BigDecimal amount = option.get("amount").decimalValue();
        String words = text(option, "option");
        if (words != null && words.length() <= 200 && ListingStructure.amount(words).map(a -> a.compareTo(amount) == 0).orElse(false)) {
            return words;
        }
        return amount.signum() == 0 ? "Free" : "£" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The JSON at {@code url}, its address and every redirect's checked before it is called (server-side request
     * forgery: a feed, or a redirect from it, must not reach this machine, a private network or a metadata address).
     */
    private JsonNode get(String url) {
        HttpResponse<byte[]> response;
        URI at = URI.create(url);
        try {
            for (int hop = 0;; hop++) {
                URI checking = at;
                allowed.refusal("url", checking).ifPresent(error -> {
                    throw new InvalidInput("url", error.rule(), (checking.toString().equals(url) ? "" : "redirects to " + checking
                            + ", which ") + error.message());
                });
                response = client.send(HttpRequest.newBuilder(at).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status < 300 || status > 399 || status == 304 || location.isEmpty()) {
                    break;
                }
                if (hop == MAX_REDIRECTS) {
                    throw unreachable(url, "redirected more than " + MAX_REDIRECTS + " times");
                }
                at = at.resolve(location.get());
                if (!"http".equals(at.getScheme()) && !"https".equals(at.getScheme())) {
                    throw unreachable(url, "redirected to " + at.getScheme() + ", not http or https");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(url, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(url, "interrupted");
        }
        if (response.statusCode() != 200) {
            throw unreachable(url, "answered " + response.statusCode());
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw unreadable(url, "is not JSON");
        }
    }

    private static Unavailable unreachable(String url, String why) {
        return Unavailable.upstream("feed-unreachable", "The feed could not be read at " + url + ": " + why + ". Nothing was imported.");
    }

    private static Unavailable unreadable(String url, String why) {
        return Unavailable.upstream("feed-unreadable", "The feed's answer at " + url + " " + why + ". Nothing was imported.");
    }

    private static void required(String at, String field, String value, int max, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(at + field, "Required", "must not be empty"));
        } else if (value.length() > max) {
            errors.add(new Problem.FieldError(at + field, "Size", "must be at most " + max + " characters"));
        }
    }

    private static Integer age(JsonNode node, String field, String at, List<Problem.FieldError> errors) {
        Integer n = count(node, field, at, errors);
        if (n != null && n > 130) {
            errors.add(new Problem.FieldError(at + field, "Range", "must be between 0 and 130"));
            return null;
        }
        return n;
    }

    private static Integer count(JsonNode node, String field, String at, List<Problem.FieldError> errors) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || value.asInt() < 0 || value.asInt() > 100_000) {
            errors.add(new Problem.FieldError(at + field, "Range", "must be a whole number from 0"));
            return null;
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.path(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
