package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.idempotency.Idempotency;

/** FHIR R4 intake as a GP system speaks it: the HAPI FHIR generic client posts a UK Core ServiceRequest. */
@QuarkusTest
class FhirIntakeTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String FHIR_JSON = "application/fhir+json";

    @TestHTTPResource("/fhir")
    URL fhirBase;

    @BeforeAll
    static void readFhirJsonAsJson() {
        RestAssured.registerParser(FHIR_JSON, Parser.JSON);
    }

    IGenericClient gpSystem(String odsCode) {
        IGenericClient client = FHIR.newRestfulGenericClient(fhirBase.toString());
        client.setEncoding(EncodingEnum.JSON);
        client.registerInterceptor(new BearerTokenAuthInterceptor(Referrals.gp(odsCode)));
        return client;
    }

    /** A UK Core ServiceRequest for social prescribing with a contained Patient. */
    static ServiceRequest serviceRequest(String nhsNumber, String requesterOds) {
        Patient patient = new Patient();
        patient.setId("patient");
        patient.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber);
        patient.addName().setFamily("Smith").addGiven("Richard");
        patient.setBirthDateElement(new DateType("1948-03-12"));
        patient.setGender(Enumerations.AdministrativeGender.MALE);
        patient.addAddress().addLine("14 Cold Bath Road").setCity("Harrogate").setPostalCode("HG2 0NA");
        patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("07700 900123");
        patient.addCommunication().getLanguage().addCoding().setSystem("urn:ietf:bcp:47").setCode("pl");
        patient.addExtension().setUrl("http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired")
                .setValue(new org.hl7.fhir.r4.model.BooleanType(true));
        ServiceRequest request = new ServiceRequest();
        request.addContained(patient);
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("871731000000106")
                .setDisplay("Referral to social prescribing service");
        request.setSubject(new Reference("#patient"));
        request.setRequester(new Reference().setIdentifier(new Identifier()
                .setSystem("https://fhir.nhs.uk/Id/ods-organization-code").setValue(requesterOds)).setDisplay("Dr Asha Patel"));
        request.setPriority(ServiceRequest.ServiceRequestPriority.URGENT);
        // coded as GP systems do, in SNOMED CT: 422650009 Social isolation
        request.addReasonCode().addCoding().setSystem("http://snomed.info/sct").setCode("422650009").setDisplay("Social isolation");
        request.addReasonCode().setText("Struggling with money since the shop closed");
        request.addNote().setText("Widowed last year; would like to meet people");
        request.addExtension().setUrl("https://social-prescribing.example.uk/fhir/StructureDefinition/share-outcome-with-referrer")
                .setValue(new org.hl7.fhir.r4.model.BooleanType(true));
        return request;
    }

    static String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    static ValidatableResponse postFhir(String path, String token, String body) {
        var request = given().contentType(FHIR_JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/fhir/" + path).then();
    }

    @Test
    void theHapiClientPostsAUkCoreServiceRequestAndReadsItsStatusBack() {
        IGenericClient client = gpSystem(Referrals.PRACTICE);
        CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertEquals("ServiceRequest", capabilities.getRestFirstRep().getResourceFirstRep().getType());

        MethodOutcome created = client.create().resource(serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE)).execute();
        assertTrue(Boolean.TRUE.equals(created.getCreated()), "not created");
        String id = created.getId().getIdPart();
        assertEquals(id, UUID.fromString(id).toString());

        ServiceRequest read = client.read().resource(ServiceRequest.class).withId(id).execute();
        assertEquals(ServiceRequest.ServiceRequestStatus.ACTIVE, read.getStatus());
        assertEquals("871731000000106", read.getCode().getCodingFirstRep().getCode());
        assertEquals(ServiceRequest.ServiceRequestPriority.URGENT, read.getPriority());
        assertTrue(read.getReasonCodeFirstRep().getCoding().stream()
                .anyMatch(c -> "http://snomed.info/sct".equals(c.getSystem()) && "422650009".equals(c.getCode())));

        // the referral is the same one the JSON API shows, with what the FHIR resource said
        given().auth().oauth2(Referrals.gp(Referrals.PRACTICE)).when().get("/api/referrals/{id}", id).then().statusCode(200)
                .body("person.familyName", equalTo("Smith")).body("person.language", equalTo("pl"))
                .body("person.interpreterNeeded", equalTo(true)).body("urgency", equalTo("urgent"))
                .body("reasons.code", equalTo(java.util.List.of("loneliness-or-isolation", "other")))
                .body("reasons[0].snomedCode", equalTo("422650009"))
                .body("reasons[1].text", equalTo("Struggling with money since the shop closed"))
                .body("whatMatters", equalTo("Widowed last year; would like to meet people"))
                .body("consentToShareOutcome", equalTo(true))
                // the requester is an organisation named by its ODS code: who referred is known, their role is not (never "referrer")
                .body("referrer.name", equalTo("Dr Asha Patel")).body("referrer.role", org.hamcrest.Matchers.nullValue());
        assertEquals("true", read.getExtensionByUrl("https://social-prescribing.example.uk/fhir/StructureDefinition/share-outcome-with-referrer")
                .getValue().primitiveValue());

        // declined: the status GP systems read becomes revoked
        String token = Referrals.linkWorker(Referrals.PCN);
        Referrals.decide(token, id, "decline", "\"0\"", "{\"reason\": \"person-declined\"}").statusCode(200);
        assertEquals(ServiceRequest.ServiceRequestStatus.REVOKED,
                client.read().resource(ServiceRequest.class).withId(id).execute().getStatus());
    }

    @Test
    void aRequesterPractitionerRoleGivesTheProfessionalsRoleAsTheMessageCodesIt() {
        ServiceRequest request = serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE);
        org.hl7.fhir.r4.model.PractitionerRole role = new org.hl7.fhir.r4.model.PractitionerRole();
        role.setId("requester");
        role.setPractitioner(new Reference().setDisplay("Nurse Jo Firth"));
        role.addCode().setText("Practice nurse");
        request.addContained(role);
        request.setRequester(new Reference("#requester"));
        String id = postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), json(request)).statusCode(201).extract().path("id");
        given().auth().oauth2(Referrals.gp(Referrals.PRACTICE)).when().get("/api/referrals/{id}", id).then().statusCode(200)
                .body("referrer.name", equalTo("Nurse Jo Firth")).body("referrer.role", equalTo("Practice nurse"));
    }

    @Test
    void aGpSystemWithoutWebhooksPollsForServiceRequestsChangedSince() {
        String practice = "B82033";
        IGenericClient client = gpSystem(practice);
        String first = client.create().resource(serviceRequest(Referrals.freshNhsNumber(), practice)).execute().getId().getIdPart();
        String second = client.create().resource(serviceRequest(Referrals.freshNhsNumber(), practice)).execute().getId().getIdPart();
        ServiceRequest firstRead = client.read().resource(ServiceRequest.class).withId(first).execute();
        java.util.Date firstChanged = firstRead.getMeta().getLastUpdated();
        assertTrue(firstChanged != null, "meta.lastUpdated");
        // with the HAPI client, as a GP system would: changed after the first was made
        org.hl7.fhir.r4.model.Bundle changed = client.search().forResource(ServiceRequest.class)
                .where(ServiceRequest.REQUESTER.hasId("Organization/" + practice))
                .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam().setLowerBound("gt" + new org.hl7.fhir.r4.model.InstantType(firstChanged).getValueAsString()))
                .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute();
        assertEquals(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET, changed.getType());
        java.util.List<String> ids = changed.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
        assertTrue(ids.contains(second) && !ids.contains(first), ids.toString());
        // a decision is a change: the first comes back, declined (revoked), after the second
        Referrals.decide(Referrals.linkWorker(Referrals.OTHER_PCN), first, "decline", "\"0\"", "{\"reason\": \"person-declined\"}").statusCode(200);
        String since = new org.hl7.fhir.r4.model.InstantType(firstChanged).getValueAsString();
        given().auth().oauth2(Referrals.gp(practice)).queryParam("_lastUpdated", "gt" + since).when().get("/fhir/ServiceRequest").then()
                .statusCode(200).body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"))
                .body("entry.resource.id", equalTo(java.util.List.of(second, first)))
                .body("entry[1].resource.status", equalTo("revoked"));
        // the practice named by its identifier, as FHIR searches a reference by one
        given().auth().oauth2(Referrals.gp(practice)).queryParam("requester:identifier", "https://fhir.nhs.uk/Id/ods-organization-code|" + practice)
                .queryParam("_lastUpdated", "gt" + since).when().get("/fhir/ServiceRequest").then().statusCode(200).body("total", equalTo(2));
        // another practice's requester is not this practice's to ask for; a search it cannot read is named
        given().auth().oauth2(Referrals.gp(practice)).queryParam("requester", "B82005").when().get("/fhir/ServiceRequest").then()
                .statusCode(422).body("resourceType", equalTo("OperationOutcome")).body("issue[0].expression[0]", equalTo("requester"));
        given().auth().oauth2(Referrals.gp(practice)).queryParam("_lastUpdated", "lt2026-01-01").when().get("/fhir/ServiceRequest").then()
                .statusCode(400).body("resourceType", equalTo("OperationOutcome"));
        // paging: one at a time, the next link leads on
        String next = given().auth().oauth2(Referrals.gp(practice)).queryParam("_lastUpdated", "gt" + since).queryParam("_count", 1)
                .when().get("/fhir/ServiceRequest").then().statusCode(200).body("total", equalTo(2)).body("entry", hasSize(1))
                .extract().path("link.find { it.relation == 'next' }.url");
        // (the link is sent as given: it is already encoded)
        given().urlEncodingEnabled(false).auth().oauth2(Referrals.gp(practice)).when().get(next).then().statusCode(200)
                .body("entry[0].resource.id", equalTo(first));
    }

    @Test
    void aServiceRequestThatIsNotAReferralWeCanTakeIsAnOperationOutcomeNamingTheElement() {
        IGenericClient client = gpSystem(Referrals.PRACTICE);
        ServiceRequest hipReplacement = serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE);
        hipReplacement.getCode().getCodingFirstRep().setCode("52734007");
        UnprocessableEntityException refused = assertThrows(UnprocessableEntityException.class,
                () -> client.create().resource(hipReplacement).execute());
        OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
        assertEquals("ServiceRequest.code", outcome.getIssueFirstRep().getExpression().get(0).getValue());

        postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), json(serviceRequest("1234567890", Referrals.PRACTICE)))
                .statusCode(422).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Patient.identifier.value"));
        postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), json(serviceRequest(Referrals.freshNhsNumber(), "B82018")))
                .statusCode(422).body("issue[0].code", equalTo("business-rule"))
                .body("issue[0].expression[0]", equalTo("ServiceRequest.requester.identifier"));
        ServiceRequest noSubject = serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE).setSubject(new Reference("Patient/elsewhere"));
        postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), json(noSubject))
                .statusCode(422).body("issue[0].expression[0]", equalTo("ServiceRequest.subject"));
        ServiceRequest vagueConsent = serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE);
        vagueConsent.getExtensionByUrl("https://social-prescribing.example.uk/fhir/StructureDefinition/share-outcome-with-referrer")
                .setValue(new org.hl7.fhir.r4.model.StringType("perhaps"));
        postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), json(vagueConsent))
                .statusCode(422).body("issue[0].expression[0]", equalTo("ServiceRequest.extension"));
    }

    /** What matters to the person, as long as the API says it takes (the column once kept half: a 500). */
    @Test
    void aNoteAsLongAsTheApiTakesIsKeptWholeAndALongerOneIsRefusedNotCut() {
        ServiceRequest longest = serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE);
        longest.getNote().clear();
        longest.addNote().setText("w".repeat(4000));
        String id = postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), json(longest)).statusCode(201).extract().path("id");
        given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/{id}", id).then().statusCode(200)
                .body("whatMatters.length()", equalTo(4000));

        ServiceRequest tooLong = serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE);
        tooLong.getNote().clear();
        tooLong.addNote().setText("w".repeat(4001));
        postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), json(tooLong))
                .statusCode(422).contentType(startsWith(FHIR_JSON)).body("issue[0].expression[0]", equalTo("ServiceRequest.note"));
    }

    @Test
    void aMalformedFhirBodyIsAnOperationOutcomeNeverAServerError() {
        for (String body : new String[] { "{\"resourceType\": \"ServiceRequest\", ", "not json at all", "",
                "{\"resourceType\": \"Patient\", \"id\": \"x\"}", "{\"resourceType\": \"ServiceRequest\", \"status\": \"sideways\"}",
                "{\"resourceType\": \"ServiceRequest\", \"madeUp\": 1}", "[]", "{\"resourceType\": \"\"}", "{\"resourceType\": \"\\t\\n\"}",
                "{\"resourceType\": \"ServiceRequest\", \"contained\": [{\"resourceType\": \" \", \"id\": \"p\"}]}" }) {
            postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), body)
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)))
                    .contentType(startsWith(FHIR_JSON)).body("resourceType", equalTo("OperationOutcome"))
                    .body("issue[0].severity", equalTo("error"));
        }
    }

    /**
     * Shapes FHIR's JSON format forbids, and sizes no referral needs, which HAPI's parser reads past: each a 400 naming
     * the element. The same body unchanged is taken, so each refusal is the change's.
     */
    @Test
    void aBodyOfAShapeFhirJsonDoesNotAllowIsRefusedNamingTheElement() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        String good = json(serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE));
        postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), good).statusCode(201);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode manyCodings = nodes.arrayNode();
        for (int i = 0; i < 101; i++) {
            manyCodings.addObject().put("system", "http://snomed.info/sct").put("code", "422650009");
        }
        Map<String, Consumer<ObjectNode>> changes = new LinkedHashMap<>();
        changes.put("ServiceRequest.contained[0].name[0].given", sr -> name(sr).put("given", "Richard"));
        changes.put("ServiceRequest.contained[0].address[0].line", sr -> ((ObjectNode) sr.at("/contained/0/address/0")).put("line", 42));
        changes.put("ServiceRequest.contained[0].address[1]", sr -> ((ArrayNode) sr.at("/contained/0/address")).addNull());
        changes.put("ServiceRequest.requester", sr -> sr.putArray("requester"));
        changes.put("ServiceRequest.requester.identifier", sr -> ((ObjectNode) sr.get("requester")).putArray("identifier"));
        changes.put("ServiceRequest.note[1]", sr -> ((ArrayNode) sr.get("note")).addNull());
        changes.put("ServiceRequest.code.coding[0].display", sr -> ((ObjectNode) sr.at("/code/coding/0")).put("display", "x".repeat(10_001)));
        changes.put("ServiceRequest.code.coding", sr -> ((ObjectNode) sr.get("code")).set("coding", manyCodings));
        changes.put("ServiceRequest.reasonCode[0].coding[0]", sr -> ((ArrayNode) sr.at("/reasonCode/0/coding")).set(0, nodes.objectNode()));
        changes.put("ServiceRequest.subject", sr -> sr.put("subject", "#patient"));
        changes.put("ServiceRequest.status", sr -> sr.putObject("status").put("value", "active"));
        for (Map.Entry<String, Consumer<ObjectNode>> change : changes.entrySet()) {
            ObjectNode body = (ObjectNode) mapper.readTree(good);
            change.getValue().accept(body);
            postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), body.toString())
                    .statusCode(400).contentType(startsWith(FHIR_JSON)).body("issue[0].code", equalTo("structure"))
                    .body("issue[0].expression[0]", equalTo(change.getKey()));
        }
        // a primitive's values paired with their extensions may hold a null, as the format has it
        ObjectNode paired = (ObjectNode) mapper.readTree(good);
        name(paired).putArray("given").add("Richard").add("John");
        name(paired).putArray("_given").addNull().addObject().putArray("extension").addObject()
                .put("url", "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier").put("valueCode", "CL");
        postFhir("ServiceRequest", Referrals.gp(Referrals.PRACTICE), paired.toString()).statusCode(201);
    }

    private static ObjectNode name(ObjectNode serviceRequest) {
        return (ObjectNode) serviceRequest.at("/contained/0/name/0");
    }

    @Test
    void withoutATokenOrAsANonNhsAgencyItIsRefusedAsAnOperationOutcome() {
        String body = json(serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE));
        postFhir("ServiceRequest", null, body).statusCode(401).body("resourceType", equalTo("OperationOutcome"));
        postFhir("ServiceRequest", Referrals.housingAssociation(), body).statusCode(403).body("issue[0].code", equalTo("forbidden"));
        postFhir("ServiceRequest", Referrals.linkWorker(Referrals.PCN), body).statusCode(403).body("resourceType", equalTo("OperationOutcome"));
        given().auth().oauth2(Referrals.gp(Referrals.PRACTICE)).contentType("text/plain").body(body).when().post("/fhir/ServiceRequest")
                .then().statusCode(415).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void anotherPracticeCannotReadTheServiceRequest() {
        MethodOutcome created = gpSystem(Referrals.PRACTICE).create()
                .resource(serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE)).execute();
        given().auth().oauth2(Referrals.gp("B82018")).when().get("/fhir/ServiceRequest/{id}", created.getId().getIdPart())
                .then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
        given().auth().oauth2(Referrals.gp("B82018")).when().get("/fhir/ServiceRequest/{id}", "not-a-uuid")
                .then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void idempotencyKeyWorksForFhirToo() {
        String body = json(serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE));
        String key = UUID.randomUUID().toString();
        String location = given().auth().oauth2(Referrals.gp(Referrals.PRACTICE)).header("Idempotency-Key", key)
                .contentType(FHIR_JSON).body(body).when().post("/fhir/ServiceRequest").then().statusCode(201).extract().header("Location");
        given().auth().oauth2(Referrals.gp(Referrals.PRACTICE)).header("Idempotency-Key", key)
                .contentType(FHIR_JSON).body(body).when().post("/fhir/ServiceRequest")
                .then().statusCode(201).header("Location", equalTo(location)).header("Idempotent-Replayed", "true")
                .contentType(startsWith(FHIR_JSON));
    }

    @Test
    void aBarsMessageBundleCarryingAServiceRequestIsAReferral() {
        ServiceRequest request = serviceRequest(Referrals.freshNhsNumber(), Referrals.PRACTICE);
        Patient patient = (Patient) request.getContained().get(0);
        request.getContained().clear();
        request.setId("sr-1");
        patient.setId("patient-1");
        request.setSubject(new Reference("urn:uuid:0c3f2a1e-0000-4000-8000-000000000002"));
        MessageHeader header = new MessageHeader();
        header.getEventCoding().setSystem("https://fhir.nhs.uk/CodeSystem/message-events-bars").setCode("servicerequest-request");
        header.getSource().setEndpoint("https://gp-system.example.nhs.uk");
        header.addFocus(new Reference("urn:uuid:0c3f2a1e-0000-4000-8000-000000000001"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        bundle.addEntry().setFullUrl("urn:uuid:0c3f2a1e-0000-4000-8000-000000000000").setResource(header);
        bundle.addEntry().setFullUrl("urn:uuid:0c3f2a1e-0000-4000-8000-000000000001").setResource(request);
        bundle.addEntry().setFullUrl("urn:uuid:0c3f2a1e-0000-4000-8000-000000000002").setResource(patient);
        String location = postFhir("$process-message", Referrals.gp(Referrals.PRACTICE), json(bundle)).statusCode(201)
                .header("Location", containsString("/fhir/ServiceRequest/")).body("resourceType", equalTo("ServiceRequest"))
                .body("status", equalTo("active")).extract().header("Location");
        assertTrue(location.startsWith("http"), location);
    }

    @Test
    void aBarsBookingRequestIsNotAReferralAndSaysWhy() throws IOException {
        String booking;
        try (InputStream in = getClass().getResourceAsStream("/standards/fhir/process_message__POST-body.json")) {
            booking = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        postFhir("$process-message", Referrals.gp(Referrals.PRACTICE), booking).statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("MessageHeader.focus"));
        postFhir("$process-message", Referrals.gp(Referrals.PRACTICE), json(new Bundle().setType(Bundle.BundleType.COLLECTION)))
                .statusCode(422).body("issue[0].expression[0]", equalTo("Bundle.type"));
    }
}
