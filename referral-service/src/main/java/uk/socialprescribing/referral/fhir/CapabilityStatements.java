package uk.socialprescribing.referral.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/** What this FHIR endpoint supports, as its CapabilityStatement says it (GET /fhir/metadata). */
final class CapabilityStatements {

    private CapabilityStatements() {
    }

    static CapabilityStatement ofThisEndpoint() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.getSoftware().setName("Social prescribing referral-service");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("OAuth 2.0 bearer token (client credentials) of the social-prescribing realm; role referrer");
        CapabilityStatement.CapabilityStatementRestResourceComponent serviceRequest = rest.addResource().setType("ServiceRequest")
                .setProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest");
        serviceRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        serviceRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        serviceRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE)
                .setDocumentation("For a system that cannot take webhooks: poll with _lastUpdated=gt<the last lastUpdated seen>");
        serviceRequest.addSearchParam().setName("requester").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("The referring organisation: requester=B82005 (or Organization/B82005), or by identifier "
                        + "requester:identifier=https://fhir.nhs.uk/Id/ods-organization-code|B82005; a referrer's must be its own");
        serviceRequest.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("gt or ge and an instant: those changed since");
        serviceRequest.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER).setDocumentation("1 to 100; 50 by default");
        rest.addOperation().setName("process-message").setDefinition("http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message");
        return statement;
    }
}
