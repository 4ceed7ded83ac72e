package uk.socialprescribing.referral.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.ProblemMappers;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.reference.PrimaryCare;
import uk.socialprescribing.referral.domain.ContactMethod;
import uk.socialprescribing.referral.domain.Needs;
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
    private final Validator validator;
    private final PrimaryCare primaryCare = PrimaryCare.standard();

    public SelfReferralResource(ReferralIntake intake, Triage triage, Idempotency idempotency, Validator validator) {
        this.intake = intake;
        this.triage = triage;
        this.idempotency = idempotency;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refer yourself to social prescribing",
            description = "No sign-in. Name your GP practice (ODS code) or give your postcode, and a phone number or email "
                    + "for the way you'd like to be contacted. You must be " + MINIMUM_AGE + " or over. Every problem with the form "
                    + "is named in one answer (a 400 listing each field and its rule), so that it can be put right in one go. Limited "
                    + "per client address: 5 self-referrals an hour, and 30 attempts an hour in all (a form sent back to be corrected "
                    + "counts only against the second); past either the answer is 429 with Retry-After, saying which in words. "
                    + "Emits referral.received.")
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
    @APIResponse(responseCode = "400", description = "The form has problems; every one is named, with its field and rule, in one answer")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    @APIResponse(responseCode = "429", description = "Too many self-referrals from this address; try again after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Response refer(@NotNull(message = "a referral is required") SelfReferral referral,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        requireNoProblems(referral);
        NewReferral.PersonDetails p = referral.person();
        Needs needs = ReferralResource.needs(referral.reasons(), referral.whatMatters(), null, null, false, null);
        var person = ReferralResource.person(p);
        String practice = p.gpPracticeOdsCode() == null ? null : p.gpPracticeOdsCode().toUpperCase(Locale.ROOT);
        return idempotency.once("self-referral", key, referral, () -> {
            Referral received = intake.receive(Referrer.self(), person, practice, "person.gpPracticeOdsCode",
                    "person.address.postcode", needs);
            // the referral itself: link workers read it there; the person holds the reference
            URI location = uri.getBaseUriBuilder().path("api/referrals").path(received.id().toString()).build();
            return Response.created(location).entity(new SelfReferralReceipt(received.id(), received.selfReferralReference(),
                    received.status().name(), confirmation(received.triageDueBy(), p.preferredContactMethod()))).build();
        });
    }

    /**
     * What happens next, in plain words. It promises what the service controls (a link worker looks at the referral by
     * its triage date), not a date to start: a waiting list can move that, and the person is told of it then.
     */
    static String confirmation(LocalDate triageBy, ContactMethod method) {
        String how = switch (method) {
            case PHONE -> "by phone";
            case TEXT_MESSAGE -> "by text message";
            case EMAIL -> "by email";
            case LETTER -> "by letter";
        };
        return "Thank you. A link worker will read what you have told us by "
                + triageBy.format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK)) + " and then contact you " + how
                + " to talk about what matters to you. If there is a wait before they can start working with you, they will tell you "
                + "how long it is likely to be. Quote your reference if you call us.";
    }

    /**
     * Every problem with the form in one answer: its fields' rules, and the rules that need more than one field (age,
     * a way to reach the person, an area this service covers). One at a time, a person correcting the form would go
     * round once a problem, and run into the limit before the form was right.
     */
    private void requireNoProblems(SelfReferral referral) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<SelfReferral> violation : validator.validate(referral)) {
            errors.add(new Problem.FieldError(ProblemMappers.fieldOf(violation.getPropertyPath()),
                    violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), violation.getMessage()));
        }
        NewReferral.PersonDetails p = referral.person();
        if (p != null) {
            if (p.dateOfBirth() != null && Period.between(p.dateOfBirth(), triage.today()).getYears() < MINIMUM_AGE) {
                errors.add(new Problem.FieldError("person.dateOfBirth", "MinimumAge",
                        "you must be " + MINIMUM_AGE + " or over to refer yourself; ask your GP practice or school"));
            }
            contactProblems(p, errors);
            String postcode = p.address() == null ? null : p.address().postcode();
            if (p.gpPracticeOdsCode() != null) {
                if (primaryCare.practice(p.gpPracticeOdsCode().toUpperCase(Locale.ROOT)).isEmpty()) {
                    errors.add(new Problem.FieldError("person.gpPracticeOdsCode", "ServedPractice", "is not a GP practice this service covers"));
                }
            } else if (postcode == null) {
                errors.add(new Problem.FieldError("person.address.postcode", "PracticeOrPostcode",
                        "give your postcode, or name your GP practice in person.gpPracticeOdsCode"));
            } else if (primaryCare.networkCovering(postcode).isEmpty() && errors.stream().noneMatch(e -> e.field().equals("person.address.postcode"))) {
                errors.add(new Problem.FieldError("person.address.postcode", "ServedArea",
                        "is outside the area this service covers; name the person's GP practice instead"));
            }
        }
        if (!errors.isEmpty()) {
            // the same field once per rule, in the order of the form
            List<Problem.FieldError> distinct = errors.stream().distinct()
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::rule)).toList();
            throw new ProblemException(new Problem(Problem.type("validation"), "The request is not valid", 400,
                    distinct.size() == 1 ? "1 field is not valid: " + distinct.get(0).field() : distinct.size() + " fields are not valid",
                    null, distinct));
        }
    }

    /** A way to reach the person that matches how they'd like to be reached. */
    private static void contactProblems(NewReferral.PersonDetails p, List<Problem.FieldError> errors) {
        if (p.phone() == null && p.email() == null) {
            errors.add(new Problem.FieldError("person.phone", "ContactRequired",
                    "give a phone number or an email address so that a link worker can reach you"));
        }
        ContactMethod method = p.preferredContactMethod();
        if (method == null) {
            errors.add(new Problem.FieldError("person.preferredContactMethod", "NotNull",
                    "say how you'd like to be contacted: phone, text-message, email or letter"));
            return;
        }
        if ((method == ContactMethod.PHONE || method == ContactMethod.TEXT_MESSAGE) && p.phone() == null && p.email() != null) {
            errors.add(new Problem.FieldError("person.phone", "NotNull", "is needed to contact you by " + method));
        }
        if (method == ContactMethod.EMAIL && p.email() == null) {
            errors.add(new Problem.FieldError("person.email", "NotNull", "is needed to contact you by email"));
        }
        if (method == ContactMethod.LETTER && (p.address() == null || p.address().line1() == null || p.address().postcode() == null)) {
            errors.add(new Problem.FieldError("person.address", "NotNull", "a full address is needed to write to you"));
        }
    }
}
