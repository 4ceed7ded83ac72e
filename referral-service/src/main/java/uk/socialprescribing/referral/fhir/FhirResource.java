package uk.socialprescribing.referral.fhir;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ca.uhn.fhir.parser.DataFormatException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import uk.socialprescribing.conventions.Conflict;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.referral.api.Caller;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.Referrer;
import uk.socialprescribing.referral.domain.ReferrerKind;
import uk.socialprescribing.referral.service.ReferralFilter;
import uk.socialprescribing.referral.service.ReferralIntake;
import uk.socialprescribing.referral.service.ReferralNotFoundException;
import uk.socialprescribing.referral.service.Triage;
import uk.socialprescribing.referral.service.Viewer;

/**
 * FHIR R4 intake, as GP systems speak it: a UK Core ServiceRequest (SNOMED CT 871731000000106) with its Patient, or a
 * BaRS-style message bundle to $process-message. Parsed and written with HAPI FHIR's R4 structures, strictly. Every
 * error here is an OperationOutcome. Over 300 lines: two FHIR example bodies (the OpenAPI document's) and the mappers
 * that must sit in this class to apply to it; reading, writing, metadata and outcomes have classes of their own. /
 */
@Path("/fhir")
@Tag(name = "FHIR R4", description = "Referral intake and status for GP systems, in FHIR R4 (UK Core, BaRS)")
@SecurityRequirement(name = "SecurityScheme")
@Produces(FhirResource.FHIR_JSON)
public class FhirResource {

    public static final String FHIR_JSON = "application/fhir+json";
    private static final Logger LOG = Logger.getLogger(FhirResource.class);

    private final ReferralIntake intake;
    private final Triage triage;
    private final Caller caller;
    private final Idempotency idempotency;

    public FhirResource(ReferralIntake intake, Triage triage, Caller caller, Idempotency idempotency) {
        this.intake = intake;
        this.triage = triage;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Operation(summary = "CapabilityStatement: what this FHIR endpoint supports",
            description = "The FHIR R4 CapabilityStatement: the resources and operations this endpoint accepts (ServiceRequest, $process-message) and the profiles it checks them against.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "406", description = "Only application/fhir+json is served (OperationOutcome)",
            content = @Content(mediaType = FHIR_JSON))
    public String metadata() {
        return FhirJson.write(CapabilityStatements.ofThisEndpoint());
    }

    @POST
    @Path("/ServiceRequest")
    @Consumes({ FHIR_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.REFERRER)
    @Operation(summary = "Refer a person: a UK Core ServiceRequest",
            description = "code SNOMED CT 871731000000106; subject a contained Patient with the NHS number "
                    + "(https://fhir.nhs.uk/Id/nhs-number); reasons in reasonCode; the requester's ODS code, which must be "
                    + "the token's. Consent to the referral is taken as recorded by the sending system; the extension "
                    + "https://social-prescribing.example.uk/fhir/StructureDefinition/share-outcome-with-referrer (valueBoolean) "
                    + "records whether the person agreed that their outcome is shared back with the referrer. Idempotency-Key works here too.")
    @RequestBody(content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 resource in JSON"), examples = @ExampleObject(name = "UK Core ServiceRequest", value = """
            {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
             "extension": [{"url": "https://social-prescribing.example.uk/fhir/StructureDefinition/share-outcome-with-referrer",
                            "valueBoolean": true}],
             "contained": [{"resourceType": "Patient", "id": "p1",
                            "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
                            "name": [{"family": "Smith", "given": ["Richard"]}], "birthDate": "1948-03-12",
                            "address": [{"line": ["14 Cold Bath Road"], "city": "Harrogate", "postalCode": "HG2 0NA"}]}],
             "code": {"coding": [{"system": "http://snomed.info/sct", "code": "871731000000106",
                                  "display": "Referral to social prescribing service"}]},
             "subject": {"reference": "#p1"},
             "requester": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "B82005"},
                           "display": "Dr Asha Patel"},
             "reasonCode": [{"coding": [{"system": "https://social-prescribing.example.uk/CodeSystem/referral-reason",
                                         "code": "loneliness-or-isolation"}]}],
             "note": [{"text": "Widowed last year; would like to meet people"}]}""")))
    @APIResponse(responseCode = "201", description = "Received; Location names the ServiceRequest", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "400", description = "Not a FHIR R4 ServiceRequest (OperationOutcome)", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "401", description = "No valid token (OperationOutcome)", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "403", description = "Not an NHS referrer (OperationOutcome)", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "422", description = "Valid FHIR, but not a referral we can take; the issue names the element", content = @Content(mediaType = FHIR_JSON))
    public Response create(String body, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        ServiceRequest request = FhirJson.parse(body, ServiceRequest.class);
        return receive(request, Map.of(), body, key, uri);
    }

    @POST
    @Path("/{operation}")
    @Consumes({ FHIR_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.REFERRER)
    @Operation(summary = "Refer a person: a BaRS-style message Bundle",
            description = "A Bundle of type message: a MessageHeader whose focus is the ServiceRequest, and the Patient "
                    + "(and any Organization) it references, as entries.")
    @RequestBody(content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 resource in JSON"), examples = @ExampleObject(name = "referral message", value = """
            {"resourceType": "Bundle", "type": "message",
             "entry": [
              {"fullUrl": "urn:uuid:5b1e0c1a-0000-4000-8000-000000000000",
               "resource": {"resourceType": "MessageHeader",
                            "eventCoding": {"system": "https://fhir.nhs.uk/CodeSystem/message-events-bars", "code": "servicerequest-request"},
                            "source": {"endpoint": "https://gp-system.example.nhs.uk"},
                            "focus": [{"reference": "urn:uuid:5b1e0c1a-0000-4000-8000-000000000001"}]}},
              {"fullUrl": "urn:uuid:5b1e0c1a-0000-4000-8000-000000000001",
               "resource": {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "871731000000106"}]},
                            "subject": {"reference": "urn:uuid:5b1e0c1a-0000-4000-8000-000000000002"},
                            "reasonCode": [{"coding": [{"system": "https://social-prescribing.example.uk/CodeSystem/referral-reason",
                                                        "code": "bereavement"}]}]}},
              {"fullUrl": "urn:uuid:5b1e0c1a-0000-4000-8000-000000000002",
               "resource": {"resourceType": "Patient",
                            "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
                            "name": [{"family": "Smith", "given": ["Richard"]}], "birthDate": "1948-03-12"}}]}""")))
    @APIResponse(responseCode = "201", description = "Received; Location names the ServiceRequest", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "400", description = "Not a FHIR R4 Bundle (OperationOutcome)", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "422", description = "Not a referral message we can take (OperationOutcome)", content = @Content(mediaType = FHIR_JSON))
    public Response processMessage(@PathParam("operation") String operation, String body,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        if (!"$process-message".equals(operation)) {
            throw new NotFoundException();
        }
        Bundle bundle = FhirJson.parse(body, Bundle.class);
        if (bundle.getType() != Bundle.BundleType.MESSAGE) {
            throw new FhirInvalidException("Bundle.type", "value", "must be message");
        }
        if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            throw new FhirInvalidException("Bundle.entry[0]", "structure", "must be the MessageHeader");
        }
        Map<String, Resource> entries = ServiceRequestReader.entries(bundle);
        ServiceRequest request = header.getFocus().stream().map(f -> entries.get(f.getReference()))
                .filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast).findFirst()
                .orElseThrow(() -> new FhirInvalidException("MessageHeader.focus", "required",
                        "must reference a ServiceRequest entry of the bundle"));
        return receive(request, entries, body, key, uri);
    }

    @GET
    @Path("/ServiceRequest")
    @RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
    @Operation(summary = "Referrals changed since an instant, as a searchset Bundle of ServiceRequests",
            description = "For a GP system that cannot take webhooks: poll with _lastUpdated=gt<the newest meta.lastUpdated seen>, "
                    + "oldest change first, following the Bundle's next link. Changes are stamped when made and may commit a moment "
                    + "apart: poll from a minute before the newest seen and skip what you have (the same id and meta.versionId). "
                    + "requester narrows to a referring organisation (a referrer's own; its token decides anyway). Each referral "
                    + "listed is an audited read.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "400", description = "A search parameter cannot be read (OperationOutcome)", content = @Content(mediaType = FHIR_JSON))
    public Response search(@QueryParam("requester") String requester, @QueryParam("requester:identifier") String requesterIdentifier,
            @QueryParam("_lastUpdated") String lastUpdated, @QueryParam("_count") String count, @QueryParam("_page") String page, UriInfo uri) {
        Viewer viewer = caller.viewer();
        String organisation = requesterIdentifier != null ? requesterCode(requesterIdentifier, "requester:identifier")
                : requester == null ? null : requesterCode(requester, "requester");
        if (organisation != null && viewer.scope() == Viewer.Scope.ORGANISATION && !organisation.equalsIgnoreCase(viewer.key())) {
            throw new FhirInvalidException(requesterIdentifier != null ? "requester:identifier" : "requester", "business-rule",
                    "names " + organisation + " but you are " + viewer.key());
        }
        QueryParameters query = QueryParameters.read();
        Instant since = null;
        if (lastUpdated != null) {
            Matcher m = Pattern.compile("(gt|ge)(.+)").matcher(lastUpdated.strip());
            if (!m.matches()) {
                query.reject("_lastUpdated", "Prefix", "must be gt or ge and an instant, e.g. gt2026-12-01T09:00:00Z");
            } else {
                since = query.instant("_lastUpdated", m.group(2)).orElse(null);
                if (since != null && m.group(1).equals("ge")) {
                    since = since.minusNanos(1000); // ge: changed at that instant too (stored to the microsecond)
                }
            }
        }
        int size = query.integer("_count", count, 50, 1, 100);
        int pageNumber = query.integer("_page", page, 1, 1, PageRequest.MAX_PAGE);
        query.check();
        ReferralFilter filter = new ReferralFilter(null, null, null, null, organisation != null && viewer.scope() != Viewer.Scope.ORGANISATION
                ? organisation.toUpperCase(Locale.ROOT) : null, null, null, null, since, null, ReferralFilter.Order.CHANGED);
        var found = triage.list(viewer, filter, new PageRequest(pageNumber, size));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setId(UUID.randomUUID().toString());
        bundle.setTotal((int) found.totalItems());
        bundle.getMeta().setLastUpdated(new Date());
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if ((long) pageNumber * size < found.totalItems()) {
            bundle.addLink().setRelation("next").setUrl(uri.getRequestUriBuilder().replaceQueryParam("_page", pageNumber + 1).build().toString());
        }
        String base = uri.getBaseUriBuilder().path("fhir").build().toString();
        for (Referral referral : found.items()) {
            bundle.addEntry().setFullUrl(base + "/ServiceRequest/" + referral.id()).setResource(ServiceRequestWriter.serviceRequest(referral))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return Response.ok(FhirJson.write(bundle)).build();
    }

    /**
     * requester=B82005 or Organization/B82005 (a reference), or requester:identifier=https://fhir.nhs.uk/Id/ods-organization-code|B82005
     * (the organisation's identifier; a client escaping the bar as \| is understood).
     */
    private static String requesterCode(String requester, String parameter) {
        String value = requester.strip().replace("\\|", "|");
        if (value.contains("|")) {
            String system = value.substring(0, value.indexOf('|'));
            if (!system.isEmpty() && !system.equals(FhirSystems.ODS_SYSTEM)) {
                throw new ProblemException(Problem.invalidField(parameter, "System", "must be an ODS code (" + FhirSystems.ODS_SYSTEM + "|B82005)"));
            }
            value = value.substring(value.indexOf('|') + 1);
        } else if (value.startsWith("Organization/")) {
            value = value.substring("Organization/".length());
        }
        if (!value.matches("[A-Za-z0-9-]{3,64}")) {
            throw new ProblemException(Problem.invalidField(parameter, "Code", "must be an organisation's ODS code or id"));
        }
        return value;
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
    @Operation(summary = "A referral's current status, as a ServiceRequest",
            description = "status: active (waiting or in support), completed (closed), revoked (declined, redirected or withdrawn). "
                    + "A referrer reads its own organisation's only. The read is audited.")
    @APIResponse(responseCode = "200", description = "The ServiceRequest", content = @Content(mediaType = FHIR_JSON))
    @APIResponse(responseCode = "404", description = "No such referral of yours (OperationOutcome)", content = @Content(mediaType = FHIR_JSON))
    public Response read(@PathParam("id") String id) {
        UUID referralId;
        try {
            referralId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ReferralNotFoundException(new UUID(0, 0));
        }
        Referral referral = triage.read(referralId, caller.viewer());
        return Response.ok(FhirJson.write(ServiceRequestWriter.serviceRequest(referral)))
                .header(HttpHeaders.ETAG, "W/\"" + referral.version() + "\"").build();
    }

    private Response receive(ServiceRequest request, Map<String, Resource> entries, String body, String key, UriInfo uri) {
        Caller.ReferringOrganisation organisation = caller.referringOrganisation();
        if (!organisation.nhs()) {
            throw new ForbiddenException("FHIR intake is for NHS organisations (token claim ods_code); use POST /api/referrals");
        }
        ServiceRequestReader.Intake read = ServiceRequestReader.read(request, entries);
        if (read.requesterOdsCode() != null && !read.requesterOdsCode().equalsIgnoreCase(organisation.key())) {
            throw new FhirInvalidException("ServiceRequest.requester.identifier", "business-rule",
                    "names " + read.requesterOdsCode() + " but you are " + organisation.key());
        }
        String practice = organisation.kind() == ReferrerKind.GP_PRACTICE ? organisation.key() : generalPractitioner(request, entries);
        Referrer referrer = Referrer.nhsOrganisation(organisation.kind(), organisation.key(),
                new Referrer.Professional(read.requesterName(), read.requesterRole(), null, null));
        return idempotency.once(caller.name(), key, body, () -> {
            Referral received = intake.receive(referrer, read.person(), practice, "Patient.generalPractitioner",
                    "Patient.address.postalCode", read.needs());
            URI location = uri.getBaseUriBuilder().path("fhir/ServiceRequest").path(received.id().toString()).build();
            return Response.created(location).type(FHIR_JSON)
                    .entity(FhirJson.write(ServiceRequestWriter.serviceRequest(received))).build();
        });
    }

    private static String generalPractitioner(ServiceRequest request, Map<String, Resource> entries) {
        Resource subject = request.getSubject().getReference() != null && request.getSubject().getReference().startsWith("#")
                ? request.getContained().stream().filter(Patient.class::isInstance).findFirst().orElse(null)
                : entries.get(request.getSubject().getReference());
        if (subject instanceof Patient patient) {
            return patient.getGeneralPractitioner().stream().map(r -> r.getIdentifier())
                    .filter(i -> FhirSystems.ODS_SYSTEM.equals(i.getSystem())).map(Identifier::getValue).findFirst().orElse(null);
        }
        return null;
    }

    // --- every error of this resource as an OperationOutcome ----------------------------------------------------

    @ServerExceptionMapper
    public Response invalid(FhirInvalidException e) {
        return outcome(e.status(), e.code(), e.getMessage(), e.expression());
    }

    @ServerExceptionMapper
    public Response unparsable(DataFormatException e) {
        String message = e.getMessage() == null ? "not FHIR R4 JSON" : e.getMessage().replaceAll("HAPI-\\d+: ", "");
        message = message.substring(0, Math.min(message.length(), 500));
        return outcome(400, "structure", "The body is not a valid FHIR R4 resource: " + message, null);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Problem problem = e.problem();
        String expression = problem.errors().isEmpty() ? null : problem.errors().get(0).field();
        String detail = problem.errors().isEmpty() ? problem.detail() : expression + " " + problem.errors().get(0).message();
        return outcome(problem.status(), problem.status() == 422 ? "business-rule" : "invalid", detail, expression);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return outcome(400, "invalid", e.field() + " " + e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return outcome(409, "conflict", e.getMessage(), e.field() == null ? null : e.field().field());
    }

    @ServerExceptionMapper
    public Response notFound(ReferralNotFoundException e) {
        return outcome(404, "not-found", "No such ServiceRequest of yours", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return outcome(403, "forbidden", e.getMessage() == null ? "Your role does not allow this" : e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(outcome(401, "login", "A valid bearer token is required", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(new UnauthorizedException());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        return httpOutcome(e);
    }

    public static Response httpOutcome(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "Nothing is found at this path";
            case 405 -> "This path does not allow that method";
            case 415 -> "This operation takes application/fhir+json";
            default -> "HTTP " + status;
        };
        return outcome(status, status == 404 ? "not-found" : status == 415 || status == 405 ? "not-supported" : "processing",
                detail, null);
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure in FHIR intake (incident %s)", incident);
        return outcome(500, "exception", "Something went wrong on our side; quote incident " + incident, null);
    }

    /** For failures met before this resource is reached (no token): the same OperationOutcome. */
    public static Response unauthenticated() {
        return Response.fromResponse(outcome(401, "login", "A valid bearer token is required", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response outcome(int status, String code, String diagnostics, String expression) {
        return OperationOutcomes.response(status, code, diagnostics, expression);
    }
}
