package uk.socialprescribing.referral.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.referral.domain.ConsentPurpose;
import uk.socialprescribing.referral.domain.ConsentStatus;
import uk.socialprescribing.referral.service.Consents;

/** The person's consents for a referral, per purpose, with their history. */
@Path("/api/referrals/{id}/consents")
@Tag(name = "Referrals")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    /** The changes asked for: only the purposes named change. */
    @Schema(name = "ConsentChanges")
    public record ConsentChanges(
            @NotNull(message = "the changes are required") @Size(min = 1, max = 8, message = "must name between 1 and 8 purposes")
            @Schema(required = true) List<@NotNull(message = "a change is required") @Valid ConsentChange> changes) {
    }

    @Schema(name = "ConsentChange")
    public record ConsentChange(
            @NotNull(message = "is required") @Schema(required = true, example = "share-contact-with-provider") ConsentPurpose purpose,
            @NotNull(message = "is required") @Schema(required = true, example = "given") ConsentStatus status,
            @Schema(description = "For consent given: the last day it holds without a review (after it, it counts as not given)",
                    example = "2027-06-30") LocalDate reviewBy,
            @Size(max = 500) @Schema(description = "Required when status is not-sought: why the person was not asked") String notSoughtReason,
            @Size(max = 200) @Schema(description = "For the referral when the person could not be asked: who made the best-interests "
                    + "decision (name and role)") String bestInterestsDecidedBy,
            @Schema(description = "When the best-interests decision was made") LocalDate bestInterestsDecidedOn,
            @Size(max = 1000) String note) {

        Consents.Change toChange() {
            return new Consents.Change(purpose, status, reviewBy, blankless(notSoughtReason), blankless(bestInterestsDecidedBy),
                    bestInterestsDecidedOn, blankless(note));
        }

        private static String blankless(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    private final Consents consents;
    private final Caller caller;

    public ConsentResource(Consents consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
    @Operation(summary = "The person's consents for a referral, per purpose, with every change",
            description = "Every purpose where it stands (given, refused, withdrawn, not-sought, or not-recorded), whether it holds "
                    + "today (given and not past its review date), what needs attention, and every change newest first. Seen by those "
                    + "who see the referral; every read is audited. The ETag is what a change sends back in If-Match.")
    @APIResponse(responseCode = "200", description = "The consents; ETag their version",
            content = @Content(schema = @Schema(implementation = ConsentsView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not one you may see")
    public Response read(@PathParam("id") UUID id) {
        Consents.State state = consents.read(id, caller.viewer());
        return Response.ok(ConsentsView.of(state)).header(HttpHeaders.ETAG, Preconditions.etag(state.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Record a change to the person's consents",
            description = "Needs If-Match with the consents' ETag. Only the purposes named change; each change is kept with who "
                    + "recorded it and when, and a change that repeats where a purpose stands is not recorded again. Emits "
                    + "consent.changed (codes and dates only), which other services honour: an outcome goes back to the referrer "
                    + "only while share-outcome-with-referrer holds at the time the message is written, and a connection shares "
                    + "contact details with a provider only while share-contact-with-provider holds.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentChanges.class),
            examples = @ExampleObject(name = "withdrawn", value = """
                    {"changes": [{"purpose": "share-outcome-with-referrer", "status": "withdrawn",
                                  "note": "Asked at the second session not to tell the practice how things go"},
                                 {"purpose": "share-contact-with-provider", "status": "given", "reviewBy": "2027-06-30"}]}""")))
    @APIResponse(responseCode = "200", description = "Recorded; the consents as they now stand, ETag their new version",
            content = @Content(schema = @Schema(implementation = ConsentsView.class)))
    @APIResponse(responseCode = "400", description = "The changes are not valid; each problem is named")
    @APIResponse(responseCode = "412", description = "The consents changed since you read them")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("id") UUID id, @NotNull(message = "the changes are required") @Valid ConsentChanges body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Consents.State state = consents.change(id, version, body.changes().stream().map(ConsentChange::toChange).toList(), caller.viewer());
        return Response.ok(ConsentsView.of(state)).header(HttpHeaders.ETAG, Preconditions.etag(state.version())).build();
    }
}
