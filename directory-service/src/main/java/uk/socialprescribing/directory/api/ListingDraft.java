package uk.socialprescribing.directory.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.service.Postcodes;
import uk.socialprescribing.directory.service.Vocabulary;

/** A listing as its organisation writes it: the body of a new listing (POST) and of a replacement (PUT). */
@Schema(name = "ListingDraft", description = "A listing as its organisation writes it")
public record ListingDraft(@Schema(description = "Admin only: the organisation that runs it (a partner's is its token's)") UUID organizationId,
        @Size(max = 300) @Schema(description = "Needed with an organisation's first listing") String organizationName,
        @NotBlank @Size(max = 300) @Schema(required = true, example = "Nidd Gorge Walkers") String name,
        @NotBlank @Size(max = 4000) @Schema(required = true) String description,
        @NotBlank @Pattern(regexp = "[a-z-]{1,60}", message = "must be a taxonomy term code such as walking")
        @Schema(required = true, example = "walking") String category,
        @NotBlank @Size(max = 300) @Schema(required = true, example = "Knaresborough Library") String venue,
        @NotBlank @Size(max = 100) @Schema(required = true, example = "Knaresborough") String town,
        @NotBlank @Pattern(regexp = Postcodes.FULL, message = "must be a UK postcode")
        @Schema(required = true, example = "HG5 8AH") String postcode,
        @Size(max = 300) @Schema(nullable = true, example = "Tuesdays 10:30-12:00") String schedule,
        @Size(max = 200) @Schema(nullable = true, example = "Free") String cost,
        @Min(0) @Schema(nullable = true) Integer capacityMaximum, @Min(0) @Schema(nullable = true) Integer capacityAvailable,
        @Min(0) @Max(130) @Schema(nullable = true, description = "null: no lower limit") Integer minimumAge,
        @Min(0) @Max(130) @Schema(nullable = true, description = "null: no upper limit") Integer maximumAge,
        @Size(max = 12) @Schema(description = "Languages the service is run in: ISO 639-1 codes, or bfi for British Sign Language",
                example = "[\"en\", \"pl\"]") List<@NotBlank String> languages,
        @Size(max = 12) @Schema(description = "The venue's access features, by code (GET /api/directory/vocabulary)",
                example = "[\"step-free-access\", \"hearing-loop\"]") List<@NotBlank String> accessibility,
        @Valid @Schema(nullable = true, description = "Whom people and link workers can ask") ListingContact contact) {

    /** An example for the API's documentation. */
        static final String EXAMPLE = """
                {"name": "Nidd Gorge Walkers", "description": "An easy two-mile walk along the gorge, then tea.", "category": "walking",
                 "venue": "Knaresborough Library", "town": "Knaresborough", "postcode": "HG5 8AH", "schedule": "Tuesdays 10:30-12:00",
                 "cost": "Free", "capacityMaximum": 15, "capacityAvailable": 6, "minimumAge": 18, "maximumAge": null, "languages": ["en"],
                 "accessibility": ["step-free-access", "accessible-toilet"],
                 "contact": {"name": "Sam Holt", "email": "walks@example.org", "phone": "01632 960123"}}""";

    /** The fields a replacement must name, each of them (null to clear it): a listing's every field but its organisation. */
    static final List<String> REPLACED = Arrays.stream(ListingDraft.class.getRecordComponents()).map(RecordComponent::getName)
            .filter(name -> !name.startsWith("organization")).toList();

    /** The fields of a listing's read that no write takes: sent back with the rest, they are left aside. */
    static final List<String> READ_ONLY = Arrays.stream(ListingView.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(name -> Arrays.stream(ListingDraft.class.getRecordComponents()).noneMatch(c -> c.getName().equals(name))).toList();

    static final List<String> CONTACT_FIELDS = Arrays.stream(ListingContact.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /** A full replacement (PUT): every field named, then read and checked as a new listing's would be. */
    static ListingDraft replacement(JsonNode body, ObjectMapper json, Validator validator) throws JsonProcessingException {
        if (!body.isObject()) {
            throw new ProblemException(Problem.invalidField("body", "Object", "must be a listing, a JSON object"));
        }
        List<String> absent = new ArrayList<>(REPLACED.stream().filter(field -> !body.has(field)).toList());
        if (body.path("contact").isObject()) {
            // the contact too, field by field: a name left out is not a name removed
            for (String field : CONTACT_FIELDS) {
                if (!body.get("contact").has(field)) {
                    absent.add("contact." + field);
                }
            }
        }
        List<Problem.FieldError> missing = absent.stream()
                .map(field -> new Problem.FieldError(field, "Required", "a full replacement names every field (null clears one, "
                        + "leaving it out would not): read the listing, change what you mean to and send it all back"))
                .toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(new Problem(Problem.type("validation"), "The request is not valid", 400,
                    missing.size() == 1 ? "1 field is not valid: " + missing.get(0).field() : missing.size() + " fields are not valid", null, missing));
        }
        // what the directory keeps of its own (id, dates, moderation), as a read gives them, is not the writer's: left aside
        ObjectNode written = ((ObjectNode) body).deepCopy();
        written.remove(READ_ONLY);
        ListingDraft draft = json.treeToValue(written, ListingDraft.class);
        var violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return draft;
    }

    Listing.Details details() {
        return new Listing.Details(name.strip(), description.strip(), category, venue.strip(), town.strip(),
                postcode.strip().toUpperCase(Locale.ROOT), schedule, cost, capacityMaximum, capacityAvailable, minimumAge, maximumAge,
                codes("languages", languages, Vocabulary::languageCode,
                        "must be an ISO 639-1 language code such as en or pl, or bfi for British Sign Language"),
                codes("accessibility", accessibility, Vocabulary::accessCode,
                        "must be an access feature code: " + Vocabulary.ACCESS.keySet()),
                contact == null ? null : new Listing.Contact(blankToNull(contact.name()), blankToNull(contact.email()), blankToNull(contact.phone())));
    }

    private static List<String> codes(String field, List<String> given, Function<String, Optional<String>> code,
            String rule) {
        if (given == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            int index = i;
            codes.add(code.apply(given.get(i)).orElseThrow(() -> new ProblemException(
                    Problem.invalidField(field + "[" + index + "]", "Code", rule))));
        }
        return List.copyOf(codes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
