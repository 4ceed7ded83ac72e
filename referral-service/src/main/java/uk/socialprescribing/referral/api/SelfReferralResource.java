package uk.socialprescribing.referral.api;

import java.net.URI;
import java.time.Period;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.referral.domain.ContactMethod;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.Referrer;
import uk.socialprescribing.referral.service.ReferralIntake;
import uk.socialprescribing.referral.service.Triage;

/**
 * A person refers themself: no token, strict validation, a limited number of attempts per client address
 * ({@link SelfReferralRateLimit}). The answer echoes no personal data.
 */
@Path("/api/self-referrals")
@Tag(name = "Self-referral", description = "A person refers themself; no sign-in")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SelfReferralResource {

    static final int MINIMUM_AGE = 16;

    private final ReferralIntake intake;
    private final Triage triage;
    private final Idempotency idempotency;
    public SelfReferralResource(ReferralIntake intake, Triage triage, Idempotency idempotency) {
        this.intake = intake;
        this.triage = triage;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refer yourself to social prescribing",
            description = "No sign-in. Name your GP practice (ODS code) or give your postcode, and a phone number or email "
                    + "for the way you'd like to be contacted. You must be " + MINIMUM_AGE + " or over. Limited per client "
                    + "address: past the limit the answer is 429 with Retry-After. Emits referral.received.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SelfReferral.class), examples = @ExampleObject(
            name = "self-referral", value = """
                    {"person": {"givenName": "Maria", "familyName": "Kowalska", "dateOfBirth": "1961-07-04",
                                "address": {"line1": "3 Kings Road", "town": "Harrogate", "postcode": "HG1 5JX"},
                                "phone": "07700 900456", "preferredContactMethod": "text-message", "language": "pl",
                                "interpreterNeeded": true},
                     "reasons": [{"code": "loneliness-or-isolation"}, {"code": "low-mood-anxiety-or-stress"}],
                     "whatMatters": "I moved here last year and don't know anyone; I used to sing in a choir",
                     "consent": true}""")))
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "A unique string to retry safely")
    @APIResponse(responseCode = "201", description = "Received", content = @Content(schema = @Schema(implementation = SelfReferralReceipt.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; each is named with its rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many self-referrals from this address; try again after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refer(@NotNull(message = "a referral is required") @Valid SelfReferral referral,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        NewReferral.PersonDetails p = referral.person();
        if (Period.between(p.dateOfBirth(), triage.today()).getYears() < MINIMUM_AGE) {
            throw new ProblemException(Problem.invalidField("person.dateOfBirth", "MinimumAge",
                    "you must be " + MINIMUM_AGE + " or over to refer yourself; ask your GP practice or school"));
        }
        requireContact(p);
        if (p.gpPracticeOdsCode() == null && (p.address() == null || p.address().postcode() == null)) {
            throw new ProblemException(Problem.invalidField("person.address.postcode", "PracticeOrPostcode",
                    "give your postcode, or name your GP practice in person.gpPracticeOdsCode"));
        }
        Referral.Needs needs = ReferralResource.needs(referral.reasons(), referral.whatMatters(), null, null, false, null);
        var person = ReferralResource.person(p);
        String practice = p.gpPracticeOdsCode() == null ? null : p.gpPracticeOdsCode().toUpperCase(Locale.ROOT);
        return idempotency.once("self-referral", key, referral, () -> {
            Referral received = intake.receive(Referrer.self(), person, practice, "person.gpPracticeOdsCode",
                    "person.address.postcode", needs);
            // the referral itself: link workers read it there; the person holds the reference
            URI location = uri.getBaseUriBuilder().path("api/referrals").path(received.id().toString()).build();
            return Response.created(location).entity(new SelfReferralReceipt(received.id(), reference(received),
                    received.status().name(), "Thank you. A link worker will contact you by "
                            + received.triageDueBy().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK))
                            + ".")).build();
        });
    }

    /** A way to reach the person that matches how they'd like to be reached. */
    private static void requireContact(NewReferral.PersonDetails p) {
        if (p.phone() == null && p.email() == null) {
            throw new ProblemException(Problem.invalidField("person.phone", "ContactRequired",
                    "give a phone number or an email address so that a link worker can reach you"));
        }
        if (p.preferredContactMethod() == null) {
            throw new ProblemException(Problem.invalidField("person.preferredContactMethod", "NotNull",
                    "say how you'd like to be contacted: phone, text-message, email or letter"));
        }
        ContactMethod method = p.preferredContactMethod();
        if ((method == ContactMethod.PHONE || method == ContactMethod.TEXT_MESSAGE) && p.phone() == null) {
            throw new ProblemException(Problem.invalidField("person.phone", "NotNull", "is needed to contact you by " + method));
        }
        if (method == ContactMethod.EMAIL && p.email() == null) {
            throw new ProblemException(Problem.invalidField("person.email", "NotNull", "is needed to contact you by email"));
        }
        if (method == ContactMethod.LETTER && (p.address() == null || p.address().line1() == null || p.address().postcode() == null)) {
            throw new ProblemException(Problem.invalidField("person.address", "NotNull", "a full address is needed to write to you"));
        }
    }

    static String reference(Referral referral) {
        return "SP-" + referral.id().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

}
