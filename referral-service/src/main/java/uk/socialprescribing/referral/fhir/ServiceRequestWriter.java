package uk.socialprescribing.referral.fhir;

import static uk.socialprescribing.referral.fhir.FhirSystems.*;

import java.util.Date;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.Urgency;

/** Our referral as a FHIR R4 ServiceRequest, and its states as FHIR's request and task statuses. */
public final class ServiceRequestWriter {

    private ServiceRequestWriter() {
    }

    /** The referral as a ServiceRequest: its current status for the referrer's system. */
    public static ServiceRequest serviceRequest(Referral referral) {
        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id().toString());
        if (referral.lastChangedAt() != null) {
            request.getMeta().setLastUpdated(Date.from(referral.lastChangedAt()));
        }
        request.getMeta().setVersionId(Long.toString(referral.version()));
        request.addIdentifier().setSystem(REFERRAL_ID_SYSTEM).setValue(referral.id().toString());
        request.setStatus(statusOf(referral.status()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.getCode().addCoding().setSystem(SNOMED).setCode(REFERRAL_TO_SOCIAL_PRESCRIBING)
                .setDisplay("Referral to social prescribing service");
        request.setPriority(referral.needs().urgency() == Urgency.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
        if (referral.person().nhsNumber() != null) {
            request.setSubject(new Reference().setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM)
                    .setValue(referral.person().nhsNumber())));
        }
        if (referral.referrer().odsCode() != null) {
            request.setRequester(new Reference().setIdentifier(new Identifier().setSystem(ODS_SYSTEM)
                    .setValue(referral.referrer().odsCode())));
        }
        request.setAuthoredOn(Date.from(referral.receivedAt()));
        request.addExtension().setUrl(SHARE_OUTCOME_WITH_REFERRER).setValue(new BooleanType(referral.needs().consentToShareOutcome()));
        for (ReasonCode reason : referral.needs().reasons()) {
            CodeableConcept concept = request.addReasonCode();
            concept.addCoding().setSystem(ReasonCode.SYSTEM).setCode(reason.code()).setDisplay(reason.display());
            if (reason.snomedCode() != null) {
                concept.addCoding().setSystem(SNOMED).setCode(reason.snomedCode());
            }
            if (reason == ReasonCode.OTHER) {
                concept.setText(referral.needs().reasonOther());
            }
        }
        return request;
    }

    static ServiceRequest.ServiceRequestStatus statusOf(ReferralStatus status) {
        return switch (status) {
            case RECEIVED, ACCEPTED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case DECLINED, REDIRECTED, WITHDRAWN -> ServiceRequest.ServiceRequestStatus.REVOKED;
        };
    }

    static Task.TaskStatus taskStatusOf(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> Task.TaskStatus.REQUESTED;
            case ACCEPTED -> Task.TaskStatus.INPROGRESS;
            case CLOSED -> Task.TaskStatus.COMPLETED;
            case DECLINED, REDIRECTED -> Task.TaskStatus.REJECTED;
            case WITHDRAWN -> Task.TaskStatus.CANCELLED;
        };
    }
}
