package uk.socialprescribing.directory.api;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.directory.service.ActivityTerms;
import uk.socialprescribing.directory.service.Matching;
import uk.socialprescribing.directory.service.PostcodePoints;
import uk.socialprescribing.directory.service.Postcodes;

@Path("/api/directory/match")
@Tag(name = "Matching")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
public class MatchResource {

    @Schema(name = "MatchRequest", description = "What the link worker knows of the person; every part optional")
    public record MatchRequest(@Size(max = 20) @Schema(description = "Taxonomy term codes; a parent term takes in its children", example = "[\"walking\", \"gardening\"]")
            List<@NotNull String> interests,
            @Pattern(regexp = Postcodes.FULL_OR_DISTRICT, message = "must be a UK postcode or its district")
            @Schema(example = "HG5 0AX", description = "Where the person lives; it must be in the postcode reference data (400 otherwise)") String postcode,
            @Size(max = 7) @Schema(description = "Days the person is free, iCal codes", example = "[\"MO\", \"TU\"]")
            List<@NotNull @Pattern(regexp = "MO|TU|WE|TH|FR|SA|SU", message = "must be a day code MO to SU") String> days,
            @Schema(description = "Only services with a free option") Boolean freeOnly,
            @Min(0) @Max(130) @Schema(description = "The person's age, against each service's age range", example = "67") Integer age,
            @Min(1) @Max(100) @Schema(description = "How many results at most; 20 when left out") Integer limit) {
    }

    @Schema(name = "MatchResults")
    public record MatchResults(List<Matching.Result> results) {
    }

    private final Matching matching;
    private final ActivityTerms terms;
    private final PostcodePoints points;

    public MatchResource(Matching matching, ActivityTerms terms, PostcodePoints points) {
        this.matching = matching;
        this.terms = terms;
        this.points = points;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Services that fit a person, ranked, with each score explained",
            description = "Score = 0.4 interest fit (1 for the term itself, 0.7 for a child of it) + 0.3 nearness (1 at the person's "
                    + "postcode, falling evenly to 0 at 10 km, by the postcode reference data; 0 when not known) + 0.2 schedule fit (1 meets on a free day, 0.5 "
                    + "days unknown) + 0.1 capacity (1 space, 0.5 unknown, 0 full). Services with space come before full ones whatever "
                    + "their score; stale listings (not confirmed for six months) are marked; those unconfirmed for a year are left out.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MatchRequest.class), examples = @ExampleObject(name = "a person", value = """
            {"interests": ["walking", "gardening"], "postcode": "HG5 0AX", "days": ["MO", "TH"], "freeOnly": true, "age": 67}""")))
    @APIResponse(responseCode = "200", description = "Ranked results", content = @Content(schema = @Schema(implementation = MatchResults.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid, or an interest is not a taxonomy term; it is named")
    public MatchResults match(@NotNull(message = "a request is required") @Valid MatchRequest body) {
        List<String> interests = body.interests() == null ? List.of() : body.interests();
        for (int i = 0; i < interests.size(); i++) {
            if (!terms.isTerm(interests.get(i))) {
                throw new ProblemException(Problem.invalidField("interests[" + i + "]", "TaxonomyTerm",
                        "must be a term of the activity taxonomy (GET /oruk/taxonomy_terms)"));
            }
        }
        Set<String> days = body.days() == null ? Set.of() : body.days().stream().collect(Collectors.toSet());
        PostcodePoints.Point home = body.postcode() == null ? null : points.require("postcode", body.postcode());
        return new MatchResults(matching.match(new Matching.Person(Set.copyOf(interests), home, days, Boolean.TRUE.equals(body.freeOnly()),
                body.age()), body.limit() == null ? 20 : body.limit()));
    }
}
