package uk.socialprescribing.referral.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.reference.NhsNumber;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Needs;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.Referrer;
import uk.socialprescribing.referral.domain.ReferrerKind;
import uk.socialprescribing.referral.domain.RiskFlag;
import uk.socialprescribing.referral.domain.Urgency;
import uk.socialprescribing.referral.service.ReferralFilter;
import uk.socialprescribing.referral.service.ReferralIntake;
import uk.socialprescribing.referral.service.Triage;
import uk.socialprescribing.referral.service.Viewer;

/**
 * Referrals through the JSON API: intake from referrers, the list and reads for triage, and the triage moves. Over 300
 * lines: its OpenAPI examples and each operation's documentation are written here, beside the operation.
 */
@Path("/api/referrals")
@Tag(name = "Referrals", description = "Referral intake, the triage queue and triage decisions")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    static final String EXAMPLE = """
            {"person": {"nhsNumber": "9434765919", "givenName": "Richard", "familyName": "Smith", "dateOfBirth": "1948-03-12",
                        "address": {"line1": "14 Cold Bath Road", "town": "Harrogate", "postcode": "HG2 0NA"},
                        "phone": "07700 900123", "preferredContactMethod": "phone", "language": "en", "interpreterNeeded": false},
             "referrer": {"name": "Dr Asha Patel", "role": "GP", "email": "asha.patel@nhs.net"},
             "reasons": [{"code": "loneliness-or-isolation"}, {"code": "bereavement"}],
             "whatMatters": "Widowed last year, rarely leaves the house; would like to meet people and get walking again",
             "consent": {"referral": true, "shareOutcomeWithReferrer": true},
             "urgency": "routine"}""";

    private final ReferralIntake intake;
    private final Triage triage;
    private final Caller caller;
    private final Idempotency idempotency;

    public ReferralResource(ReferralIntake intake, Triage triage, Caller caller, Idempotency idempotency) {
        this.intake = intake;
        this.triage = triage;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REFERRER)
    @Operation(summary = "Refer a person to social prescribing",
            description = "For GP practice systems and other referring organisations. The referring organisation is the "
                    + "token's: ods_code for an NHS organisation (a GP practice unless referrer_kind says otherwise), "
                    + "organisation_id with referrer_kind for other agencies. The NHS number is required from health "
                    + "referrers. The person's GP practice (or, without one, their postcode) decides the primary care "
                    + "network whose link workers triage it. Send Idempotency-Key to retry safely. Emits referral.received.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewReferral.class),
            examples = @ExampleObject(name = "GP practice referral", value = EXAMPLE)))
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Any unique string, e.g. a UUID; a retry "
            + "with the same key and body gets the first response", example = "4b0c7c52-2f2e-4b49-9a8e-1f0b7f0a5d11")
    @APIResponse(responseCode = "201", description = "Received; Location names the referral, ETag its version",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; each is named with its rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid NHS number", value = """
                            {"type": "urn:social-prescribing:problem:validation", "title": "The request is not valid",
                             "status": 400, "detail": "1 field is not valid: person.nhsNumber", "instance": "/api/referrals",
                             "errors": [{"field": "person.nhsNumber", "rule": "ValidNhsNumber",
                                         "message": "must be an NHS number: 10 digits with a valid modulus 11 check digit"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a referrer, or the token names no organisation")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response refer(@NotNull(message = "a referral is required") @Valid NewReferral referral,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        Caller.ReferringOrganisation organisation = caller.referringOrganisation();
        NewReferral.PersonDetails p = referral.person();
        if (organisation.kind().mustGiveNhsNumber() && p.nhsNumber() == null) {
            throw new ProblemException(Problem.invalidField("person.nhsNumber", "NotNull",
                    "is required from a health referrer (" + organisation.kind() + ")"));
        }
        String practice = p.gpPracticeOdsCode();
        if (organisation.kind() == ReferrerKind.GP_PRACTICE) {
            if (practice != null && !practice.equalsIgnoreCase(organisation.key())) {
                throw new ProblemException(Problem.invalidField("person.gpPracticeOdsCode", "OwnPractice",
                        "must be your own practice " + organisation.key() + " or left out"));
            }
            practice = organisation.key();
        }
        NewReferral.ReferrerDetails r = referral.referrer();
        Referrer.Professional professional = new Referrer.Professional(r.name().strip(), r.role().strip(), r.phone(), r.email());
        Referrer referrer = organisation.nhs() ? Referrer.nhsOrganisation(organisation.kind(), organisation.key(), professional)
                : Referrer.agency(organisation.kind(), organisation.key(), professional);
        Needs needs = needs(referral.reasons(), referral.whatMatters(), referral.riskFlags(), referral.riskNotes(),
                Boolean.TRUE.equals(referral.consent().shareOutcomeWithReferrer()), referral.urgency());
        Person person = person(p);
        String practiceOds = practice;
        return idempotency.once(caller.name(), key, referral, () -> {
            Referral received = intake.receive(referrer, person, practiceOds, "person.gpPracticeOdsCode", "person.address.postcode", needs);
            return created(received, triage.today(), uri);
        });
    }

    @GET
    @RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
    @Operation(summary = "List referrals",
            description = "Newest first unless sort says otherwise (triage: oldest or urgent-first), paged (page numbers from 1). "
                    + "A referrer sees its own organisation's referrals, link workers and leads those of their PCN's practices, admin "
                    + "all. overdue=true lists referrals still waiting for triage past their due date; urgency narrows to urgent or "
                    + "routine; q finds a person by name (each word the start of a given or family name), NHS number or self-referral "
                    + "reference (SP-4F2A9C). A system that cannot take webhooks polls with changedSince (and sort=changed): the "
                    + "referrals that changed after that instant, oldest change first. id (repeated, up to 100) keeps only those "
                    + "referrals: a screen naming the people of a page of cases asks once. Every referral listed counts as a read of "
                    + "personal data and is audited.")
    @APIResponse(responseCode = "200", description = "A page of referrals")
    @APIResponse(responseCode = "400", description = "A query parameter is not valid; it is named")
    public Page<ReferralSummary> list(
            @Parameter(schema = @Schema(enumeration = { "RECEIVED", "ACCEPTED", "DECLINED", "REDIRECTED", "WITHDRAWN", "CLOSED" }))
            @QueryParam("status") String status,
            @Parameter(description = "Received on or after this day (yyyy-mm-dd)") @QueryParam("receivedFrom") String receivedFrom,
            @Parameter(description = "Received on or before this day (yyyy-mm-dd)") @QueryParam("receivedTo") String receivedTo,
            @Parameter(description = "A reason code", example = "loneliness-or-isolation") @QueryParam("reason") String reason,
            @Parameter(description = "The referring organisation (ODS code or organisation id)", example = "B82005")
            @QueryParam("referrerOrganisation") String referrerOrganisation,
            @Parameter(description = "true: only those past their triage date; false: only those not")
            @QueryParam("overdue") String overdue,
            @Parameter(schema = @Schema(enumeration = { "urgent", "routine" })) @QueryParam("urgency") String urgency,
            @Parameter(description = "A name, an NHS number or a self-referral reference", example = "Kowalska") @QueryParam("q") String q,
            @Parameter(description = "Only those changed after this instant (RFC 3339)", example = "2026-12-01T09:00:00Z")
            @QueryParam("changedSince") String changedSince,
            @Parameter(description = "Only these referrals (repeat the parameter, up to " + MAX_IDS + ")") @QueryParam("id") List<String> ids,
            @Parameter(description = "newest (received; the default), oldest (received), urgent-first (then oldest), due (the day "
                    + "triage is due, the most overdue first; then urgent first, then oldest), changed (oldest change first)",
                    schema = @Schema(enumeration = { "newest", "oldest", "urgent-first", "due", "changed" })) @QueryParam("sort") String sort,
            @BeanParam PageParameters paging,
            UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        ReferralFilter filter = new ReferralFilter(
                query.oneOf("status", status, ReferralResource::statusOf,
                        Arrays.stream(ReferralStatus.values()).map(Enum::name).toList()).orElse(null),
                query.date("receivedFrom", receivedFrom).orElse(null),
                query.date("receivedTo", receivedTo).orElse(null),
                query.oneOf("reason", reason, c -> Coded.fromCode(ReasonCode.class, c).orElse(null),
                        Arrays.stream(ReasonCode.values()).map(ReasonCode::code).toList()).orElse(null),
                referrerOrganisation == null || referrerOrganisation.isBlank() ? null : referrerOrganisation.strip(),
                query.bool("overdue", overdue).orElse(null),
                query.oneOf("urgency", urgency, c -> Coded.fromCode(Urgency.class, c).orElse(null),
                        Arrays.stream(Urgency.values()).map(Urgency::code).toList()).orElse(null),
                query.text("q", q, 2, 100).orElse(null),
                query.instant("changedSince", changedSince).orElse(null),
                ids(query, ids),
                query.oneOf("sort", sort, ReferralResource::orderOf,
                        Arrays.stream(ReferralFilter.Order.values()).map(ReferralFilter.Order::code).toList())
                        .orElse(ReferralFilter.Order.NEWEST));
        PageRequest request = paging.read(query);
        query.check();
        Slice<Referral> found = triage.list(caller.viewer(), filter, request);
        LocalDate today = triage.today();
        return Page.of(found.map(r -> ReferralSummary.of(r, today, uri)), request, uri);
    }

    /** At most this many ids in one list request. */
    static final int MAX_IDS = 100;

    private static Set<UUID> ids(QueryParameters query, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        if (ids.size() > MAX_IDS) {
            query.reject("id", "Size", "at most " + MAX_IDS + " ids in one request; ask again for the rest");
            return null;
        }
        Set<UUID> found = new LinkedHashSet<>();
        ids.forEach(id -> query.uuid("id", id).ifPresent(found::add));
        return found;
    }

    private static ReferralFilter.Order orderOf(String code) {
        return Arrays.stream(ReferralFilter.Order.values()).filter(o -> o.code().equals(code)).findFirst().orElse(null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
    @Operation(summary = "Read a referral",
            description = "A referrer sees its own organisation's referrals, link workers their PCN's. Every read is audited. "
                    + "The ETag is what a triage decision sends back in If-Match.")
    @APIResponse(responseCode = "200", description = "The referral; ETag its version",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not one you may see")
    public Response read(@PathParam("id") UUID id, UriInfo uri) {
        Referral referral = triage.read(id, caller.viewer());
        return Response.ok(ReferralView.of(referral, triage.today(), uri)).header(HttpHeaders.ETAG, etag(referral)).build();
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Accept a referral after triage",
            description = "Needs If-Match with the referral's ETag. Emits referral.accepted (practice, PCN, urgency, "
                    + "language: what caseload-service allocates on). caseload-service then opens the case and allocates it, "
                    + "within seconds: caseAllocation says where it went (pending until then), and the referrer's acceptance "
                    + "message says so too. Send Prefer: wait=N (up to 10 seconds) to have the answer wait for the allocation; "
                    + "Preference-Applied says when it did.")
    @Parameter(name = "Prefer", in = ParameterIn.HEADER, description = "wait=N: wait up to N seconds (at most 10) for the case's allocation",
            example = "wait=5")
    @APIResponse(responseCode = "200", description = "Accepted; caseAllocation says where the case went, or that it is pending",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key, @HeaderParam("Prefer") String prefer, UriInfo uri) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Viewer triager = caller.triager();
        Response accepted = idempotency.once(caller.name(), key, "accept " + id + " " + version,
                () -> ok(triage.accept(id, version, triager), uri));
        int wait = waitPreference(prefer);
        if (wait > 0 && accepted.getStatus() == 200) {
            long deadline = System.nanoTime() + wait * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (triage.allocationKnown(id)) {
                    return Response.fromResponse(ok(triage.read(id, caller.viewer()), uri)).header("Preference-Applied", "wait=" + wait).build();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return accepted;
    }

    /** Prefer: wait=N (RFC 7240), at most 10 seconds; 0 when not asked. */
    static int waitPreference(String prefer) {
        if (prefer == null) {
            return 0;
        }
        Matcher wait = Pattern.compile("(?i)(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,3})").matcher(prefer);
        return wait.find() ? Math.min(10, Integer.parseInt(wait.group(1))) : 0;
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Decline a referral, with a coded reason",
            description = "Needs If-Match. Emits referral.declined; the referrer's message names SNOMED CT 871711000000103.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid")
    public Response decline(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid TriageDecisions.Decline body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Viewer triager = caller.triager();
        return idempotency.once(caller.name(), key, List.of("decline", id, version, body),
                () -> ok(triage.decline(id, version, triager, body.reason(), strip(body.note())), uri));
    }

    @POST
    @Path("/{id}/redirect")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Redirect a referral to a better-suited service or organisation",
            description = "Needs If-Match. Emits referral.redirected; the referrer is told where it went.")
    @APIResponse(responseCode = "200", description = "Redirected", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid")
    public Response redirect(@PathParam("id") UUID id, @NotNull(message = "where it goes is required") @Valid TriageDecisions.Redirect body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Viewer triager = caller.triager();
        return idempotency.once(caller.name(), key, List.of("redirect", id, version, body),
                () -> ok(triage.redirect(id, version, triager, body.to().strip(), body.reason(), strip(body.note())), uri));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REFERRER)
    @Operation(summary = "Withdraw a referral (the referrer, while it is open)",
            description = "Needs If-Match. Only the referring organisation may withdraw. Emits referral.withdrawn.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid")
    public Response withdraw(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid TriageDecisions.Withdraw body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Viewer referrer = Viewer.referrer(caller.name(), caller.referringOrganisation().key());
        return idempotency.once(caller.name(), key, List.of("withdraw", id, version, body),
                () -> ok(triage.withdraw(id, version, referrer, body.reason(), strip(body.note())), uri));
    }

    static Needs needs(List<NewReferral.Reason> reasons, String whatMatters,
            List<RiskFlag> riskFlags, String riskNotes, boolean shareOutcome,
            Urgency urgency) {
        String other = null;
        for (int i = 0; i < reasons.size(); i++) {
            NewReferral.Reason reason = reasons.get(i);
            if (reason.code() == ReasonCode.OTHER) {
                if (reason.text() == null || reason.text().isBlank()) {
                    throw new ProblemException(Problem.invalidField("reasons[" + i + "].text", "NotBlank",
                            "must say what the reason is when its code is other"));
                }
                other = reason.text().strip();
            }
        }
        return new Needs(reasons.stream().map(NewReferral.Reason::code).toList(), other, strip(whatMatters),
                riskFlags, strip(riskNotes), shareOutcome, urgency);
    }

    static Person person(NewReferral.PersonDetails p) {
        NewReferral.AddressDetails a = p.address();
        return new Person(p.nhsNumber() == null ? null : NhsNumber.parse(p.nhsNumber()), p.givenName().strip(),
                p.familyName().strip(), p.dateOfBirth(),
                a == null ? null : new Person.Address(strip(a.line1()), strip(a.line2()), strip(a.town()), a.postcode()),
                strip(p.phone()), strip(p.email()), p.preferredContactMethod(), p.language(),
                Boolean.TRUE.equals(p.interpreterNeeded()), strip(p.accessibilityNeeds()));
    }

    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String etag(Referral referral) {
        return Preconditions.etag(referral.version());
    }

    private static ReferralStatus statusOf(String value) {
        return Arrays.stream(ReferralStatus.values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    private static Response created(Referral referral, LocalDate today, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path("api/referrals").path(referral.id().toString()).build();
        return Response.created(location).entity(ReferralView.of(referral, today, uri))
                .header(HttpHeaders.ETAG, etag(referral)).build();
    }

    private Response ok(Referral referral, UriInfo uri) {
        return Response.ok(ReferralView.of(referral, triage.today(), uri)).header(HttpHeaders.ETAG, etag(referral)).build();
    }
}
