package uk.socialprescribing.referral.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;


import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.reference.NhsNumber;
import uk.socialprescribing.referral.domain.ContactMethod;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.Urgency;
import uk.socialprescribing.referral.feedback.FeedbackMessage;

/**
 * Between FHIR R4 (UK Core ServiceRequest and Patient, BaRS messages) and our referral. Reading is strict: each
 * element we rely on that is missing or wrong is a {@link FhirInvalidException} naming its FHIRPath.
 */
public final class FhirReferrals {

    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String REFERRAL_TO_SOCIAL_PRESCRIBING = "871731000000106";
    public static final String INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";
    static final String REFERRAL_ID_SYSTEM = "https://social-prescribing.example.uk/Id/referral";
    /**
     * On the ServiceRequest, valueBoolean: the person agreed that the outcome of their support (their outcome measures'
     * change) is shared back with the referrer. Absent means no, as in the JSON API.
     */
    public static final String SHARE_OUTCOME_WITH_REFERRER = "https://social-prescribing.example.uk/fhir/StructureDefinition/share-outcome-with-referrer";

    private FhirReferrals() {
    }

    /** What a ServiceRequest says, in our terms. */
    public record Intake(Person person, String requesterOdsCode, String requesterName, String requesterRole, Referral.Needs needs) {
    }

    /**
     * Reads a ServiceRequest; {@code bundle} (for $process-message) resolves references to its entries, besides
     * the contained resources a standalone ServiceRequest carries.
     */
    public static Intake read(ServiceRequest request, Map<String, Resource> bundle) {
        boolean referralToSocialPrescribing = request.getCode().getCoding().stream()
                .anyMatch(c -> SNOMED.equals(c.getSystem()) && REFERRAL_TO_SOCIAL_PRESCRIBING.equals(c.getCode()));
        if (!referralToSocialPrescribing) {
            throw new FhirInvalidException("ServiceRequest.code", "value",
                    "must be SNOMED CT " + REFERRAL_TO_SOCIAL_PRESCRIBING + " (Referral to social prescribing service)");
        }
        if (request.hasStatus() && request.getStatus() != ServiceRequest.ServiceRequestStatus.ACTIVE) {
            throw new FhirInvalidException("ServiceRequest.status", "value", "must be active for a new referral");
        }
        Patient patient = resolve(request, request.getSubject(), Patient.class, bundle)
                .orElseThrow(() -> new FhirInvalidException("ServiceRequest.subject", "required",
                        "must reference a Patient that is contained (#id) or in the message bundle"));
        within(request.getRequester().getDisplay(), 200, "ServiceRequest.requester.display");
        // the professional's role only as the message gives it (a PractitionerRole's code), never made up
        Optional<PractitionerRole> role = resolve(request, request.getRequester(), PractitionerRole.class, bundle);
        String roleName = role.filter(PractitionerRole::hasCode).map(r -> r.getCodeFirstRep())
                .map(code -> code.hasText() ? code.getText() : code.getCodingFirstRep().getDisplay()).filter(s -> !s.isBlank()).orElse(null);
        within(roleName, 100, "ServiceRequest.requester.code");
        String name = request.getRequester().hasDisplay() ? request.getRequester().getDisplay()
                : role.map(r -> r.getPractitioner().getDisplay()).orElse(null);
        within(name, 200, "ServiceRequest.requester.practitioner.display");
        return new Intake(person(patient), requesterOds(request, bundle), name, roleName, needs(request));
    }

    private static Person person(Patient patient) {
        String nhs = patient.getIdentifier().stream().filter(i -> NHS_NUMBER_SYSTEM.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue).findFirst()
                .orElseThrow(() -> new FhirInvalidException("Patient.identifier", "required",
                        "must carry the NHS number (system " + NHS_NUMBER_SYSTEM + ")"));
        if (!NhsNumber.isValid(NhsNumber.normalise(nhs))) {
            throw new FhirInvalidException("Patient.identifier.value", "value",
                    "must be an NHS number: 10 digits with a valid modulus 11 check digit");
        }
        HumanName name = patient.getName().stream().filter(n -> n.hasFamily() && n.hasGiven()).findFirst()
                .orElseThrow(() -> new FhirInvalidException("Patient.name", "required", "must have a family and a given name"));
        if (!patient.hasBirthDate()) {
            throw new FhirInvalidException("Patient.birthDate", "required", "is required");
        }
        LocalDate birth = patient.getBirthDate().toInstant().atZone(Clocks.ENGLAND).toLocalDate();
        if (!birth.isBefore(LocalDate.now(Clocks.ENGLAND))) {
            throw new FhirInvalidException("Patient.birthDate", "value", "must be in the past");
        }
        Person.Address address = patient.getAddress().stream().findFirst().map(a -> new Person.Address(
                a.getLine().isEmpty() ? null : a.getLine().get(0).getValue(),
                a.getLine().size() > 1 ? a.getLine().get(1).getValue() : null, a.getCity(), a.getPostalCode())).orElse(null);
        String phone = telecom(patient, ContactPoint.ContactPointSystem.PHONE);
        String email = telecom(patient, ContactPoint.ContactPointSystem.EMAIL);
        String language = patient.getCommunication().stream().filter(c -> c.getLanguage().hasCoding()).findFirst()
                .map(c -> c.getLanguage().getCodingFirstRep().getCode()).orElse(null);
        Extension interpreter = single(patient, INTERPRETER_REQUIRED, "Patient.extension");
        boolean interpreterNeeded = interpreter != null && interpreter.getValue() != null
                && "true".equals(interpreter.getValue().primitiveValue());
        String given = String.join(" ", name.getGiven().stream().map(StringType::getValue).filter(java.util.Objects::nonNull).toList());
        within(given, 100, "Patient.name.given");
        within(name.getFamily(), 100, "Patient.name.family");
        if (address != null) {
            within(address.line1(), 200, "Patient.address.line");
            within(address.line2(), 200, "Patient.address.line");
            within(address.town(), 100, "Patient.address.city");
            within(address.postcode(), 8, "Patient.address.postalCode");
        }
        within(phone, 30, "Patient.telecom.value");
        within(email, 254, "Patient.telecom.value");
        within(language, 35, "Patient.communication.language");
        return new Person(NhsNumber.parse(nhs), given,
                name.getFamily(), birth, address, phone, email, phone != null ? ContactMethod.PHONE : email != null ? ContactMethod.EMAIL : null,
                language == null ? null : language.toLowerCase(java.util.Locale.ROOT), interpreterNeeded, null);
    }

    /** A text longer than the record keeps is refused, naming where it is (as the JSON API's limits do). */
    private static void within(String text, int most, String expression) {
        if (text != null && text.length() > most) {
            throw new FhirInvalidException(expression, "value", "must be at most " + most + " characters");
        }
    }

    private static String telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue).findFirst().orElse(null);
    }

    private static String requesterOds(ServiceRequest request, Map<String, Resource> bundle) {
        Reference requester = request.getRequester();
        if (requester.hasIdentifier() && ODS_SYSTEM.equals(requester.getIdentifier().getSystem())) {
            return requester.getIdentifier().getValue();
        }
        return resolve(request, requester, Organization.class, bundle).flatMap(o -> o.getIdentifier().stream()
                .filter(i -> ODS_SYSTEM.equals(i.getSystem())).map(Identifier::getValue).findFirst()).orElse(null);
    }

    private static Referral.Needs needs(ServiceRequest request) {
        List<ReasonCode> reasons = new ArrayList<>();
        List<String> otherText = new ArrayList<>();
        for (CodeableConcept concept : request.getReasonCode()) {
            Optional<ReasonCode> ours = concept.getCoding().stream().map(FhirReferrals::reasonOf).flatMap(Optional::stream).findFirst();
            if (ours.isPresent()) {
                reasons.add(ours.get());
            } else if (concept.hasText() || concept.getCodingFirstRep().hasDisplay()) {
                reasons.add(ReasonCode.OTHER);
                otherText.add(concept.hasText() ? concept.getText() : concept.getCodingFirstRep().getDisplay());
            }
        }
        if (reasons.isEmpty()) {
            throw new FhirInvalidException("ServiceRequest.reasonCode", "required",
                    "must give at least one reason (a code of " + ReasonCode.SYSTEM + ", or text)");
        }
        String notes = String.join("\n", request.getNote().stream().map(n -> n.getText()).filter(t -> t != null && !t.isBlank()).toList());
        String other = otherText.isEmpty() ? null : String.join("; ", otherText);
        Urgency urgency = request.getPriority() == null || request.getPriority() == ServiceRequest.ServiceRequestPriority.ROUTINE
                ? Urgency.ROUTINE : Urgency.URGENT;
        Extension share = single(request, SHARE_OUTCOME_WITH_REFERRER, "ServiceRequest.extension");
        if (share != null && !(share.getValue() instanceof org.hl7.fhir.r4.model.BooleanType)) {
            throw new FhirInvalidException("ServiceRequest.extension", "value", SHARE_OUTCOME_WITH_REFERRER + " takes a valueBoolean");
        }
        boolean shareOutcome = share != null && "true".equals(share.getValue().primitiveValue());
        // refused rather than cut short: a referrer's words are not lost without their knowing
        within(other, 500, "ServiceRequest.reasonCode.text");
        within(notes, 4000, "ServiceRequest.note");
        return new Referral.Needs(reasons, other, notes.isBlank() ? null : notes, List.of(), null, shareOutcome, urgency);
    }

    /** The element's one extension of this url, or null; given more than once, it is refused (HAPI would throw). */
    private static Extension single(org.hl7.fhir.r4.model.DomainResource element, String url, String expression) {
        List<Extension> found = element.getExtensionsByUrl(url);
        if (found.size() > 1) {
            throw new FhirInvalidException(expression, "value", url + " is given more than once");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static Optional<ReasonCode> reasonOf(Coding coding) {
        for (ReasonCode code : ReasonCode.values()) {
            if (ReasonCode.SYSTEM.equals(coding.getSystem()) && code.code().equals(coding.getCode())
                    || SNOMED.equals(coding.getSystem()) && code.snomedCode() != null && code.snomedCode().equals(coding.getCode())) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    private static <T extends Resource> Optional<T> resolve(ServiceRequest request, Reference reference, Class<T> type,
            Map<String, Resource> bundle) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String ref = reference.getReference();
        if (ref.startsWith("#")) {
            for (Resource contained : request.getContained()) {
                if (type.isInstance(contained) && ref.substring(1).equals(contained.getIdElement().getIdPart())) {
                    return Optional.of(type.cast(contained));
                }
            }
            return Optional.empty();
        }
        Resource found = bundle.get(ref);
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
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
        request.setPriority(referral.urgency() == Urgency.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
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
        request.addExtension().setUrl(SHARE_OUTCOME_WITH_REFERRER).setValue(new org.hl7.fhir.r4.model.BooleanType(referral.consentToShareOutcome()));
        for (ReasonCode reason : referral.reasons()) {
            CodeableConcept concept = request.addReasonCode();
            concept.addCoding().setSystem(ReasonCode.SYSTEM).setCode(reason.code()).setDisplay(reason.display());
            if (reason.snomedCode() != null) {
                concept.addCoding().setSystem(SNOMED).setCode(reason.snomedCode());
            }
            if (reason == ReasonCode.OTHER) {
                concept.setText(referral.reasonOther());
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

    /**
     * The message back to the referrer as FHIR: a collection of the ServiceRequest (its status), a Task (the
     * referral's business status) and a Communication per message, each coded with what to record.
     */
    /** Our code system of a referral's states, which the Task's business status carries. */
    public static final String REFERRAL_STATUS_SYSTEM = "https://social-prescribing.example.uk/CodeSystem/referral-status";
    /** Our code system of the outcome measures' scales (no SNOMED CT or LOINC concept confirmed for them: docs/referrals.md). */
    public static final String OUTCOME_SCALE_SYSTEM = "https://social-prescribing.example.uk/CodeSystem/outcome-scale";
    /** Our code system of the messages back to the referrer (their kinds), which each Communication's topic carries. */
    public static final String MESSAGE_KIND_SYSTEM = "https://social-prescribing.example.uk/CodeSystem/referrer-message";

    /**
     * The messages back to the referrer as FHIR: the ServiceRequest (its status), a Task whose business status is coded,
     * and a Communication per message whose payload is the message in words, with each outcome measure it reports as an
     * Observation (the scale, its value, the day completed) that the Communication references.
     */
    public static Bundle feedback(Referral referral, List<FeedbackMessage> messages) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setId(UUID.randomUUID().toString());
        ServiceRequest request = serviceRequest(referral);
        String requestUrl = "ServiceRequest/" + referral.id();
        bundle.addEntry().setFullUrl(requestUrl).setResource(request);
        Task task = new Task();
        task.setId(referral.id().toString());
        task.setStatus(taskStatusOf(referral.status()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setFocus(new Reference(requestUrl));
        task.addBasedOn(new Reference(requestUrl));
        String status = referral.status().name().toLowerCase(java.util.Locale.ROOT);
        task.getBusinessStatus().addCoding().setSystem(REFERRAL_STATUS_SYSTEM).setCode(status).setDisplay(statusDisplay(referral.status()));
        task.getBusinessStatus().setText(status);
        if (referral.decisionReason() != null) {
            task.getStatusReason().setText(referral.decisionReason());
        }
        bundle.addEntry().setFullUrl("Task/" + task.getId()).setResource(task);
        for (FeedbackMessage message : messages) {
            Communication communication = new Communication();
            communication.setId(message.messageId().toString());
            communication.setStatus(Communication.CommunicationStatus.COMPLETED);
            communication.addBasedOn(new Reference(requestUrl));
            communication.setSent(Date.from(message.occurredAt()));
            communication.getTopic().addCoding().setSystem(MESSAGE_KIND_SYSTEM).setCode(message.kind());
            communication.getTopic().setText(message.kind());
            if (message.recordAs() != null) {
                communication.addReasonCode().addCoding().setSystem(message.recordAs().system())
                        .setCode(message.recordAs().code()).setDisplay(message.recordAs().display());
            }
            communication.addPayload().setContent(new StringType(words(message)));
            List<FeedbackMessage.OutcomeChange> changes = message.outcomeChanges() != null ? message.outcomeChanges()
                    : message.closure() != null && message.closure().outcomeChanges() != null ? message.closure().outcomeChanges() : List.of();
            for (FeedbackMessage.OutcomeChange change : changes) {
                for (boolean baseline : new boolean[] { true, false }) {
                    Observation observation = observation(referral, message, change, baseline);
                    String url = "Observation/" + observation.getId();
                    bundle.addEntry().setFullUrl(url).setResource(observation);
                    communication.addPayload().setContent(new Reference(url).setDisplay(observation.getCode().getText()));
                }
            }
            bundle.addEntry().setFullUrl("Communication/" + communication.getId()).setResource(communication);
        }
        return bundle;
    }

    private static String statusDisplay(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> "Received, awaiting triage";
            case ACCEPTED -> "Accepted";
            case DECLINED -> "Declined at triage";
            case REDIRECTED -> "Redirected to another service";
            case WITHDRAWN -> "Withdrawn by the referrer";
            case CLOSED -> "Support ended";
        };
    }

    /** The message as a person reads it: what happened, who the link worker is, how to reach the service, what next. */
    static String words(FeedbackMessage message) {
        StringBuilder text = new StringBuilder(message.text() == null ? message.kind() : message.text());
        if (message.closure() != null && message.closure().nextSteps() != null) {
            text.append(" Next steps: ").append(message.closure().nextSteps());
        }
        if (message.linkWorker() != null && (message.text() == null || !message.text().contains(message.linkWorker()))) {
            text.append(" Link worker: ").append(message.linkWorker()).append('.');
        }
        if (message.contact() != null) {
            text.append(" Contact ").append(message.contact().name()).append(" on ").append(message.contact().phone()).append(" or ")
                    .append(message.contact().email()).append('.');
        }
        return text.toString();
    }

    /** One side of an outcome change: the scale (our code; no confirmed concept), its value, the day completed. */
    private static Observation observation(Referral referral, FeedbackMessage message, FeedbackMessage.OutcomeChange change, boolean baseline) {
        Observation observation = new Observation();
        // stable per message, scale and side, so that a system filing the bundle twice files each once
        observation.setId(UUID.nameUUIDFromBytes((message.messageId() + "|" + change.instrument() + "|" + (baseline ? "baseline" : "follow-up"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("survey")
                .setDisplay("Survey");
        observation.getCode().addCoding().setSystem(OUTCOME_SCALE_SYSTEM).setCode(change.instrument());
        observation.getCode().setText(change.instrument() + (baseline ? " at baseline" : " at follow-up"));
        observation.setSubject(referral.person().nhsNumber() == null ? null
                : new Reference().setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(referral.person().nhsNumber())));
        observation.addBasedOn(new Reference("ServiceRequest/" + referral.id()));
        LocalDate day = baseline ? change.baselineOn() : change.followUpOn();
        if (day != null) {
            observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType(day.toString())); // a day: dateTime at day precision
        }
        observation.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(baseline ? change.baseline() : change.followUp())
                .setUnit("score"));
        if (!baseline && change.direction() != null) {
            // the change read the right way round for the scale (lower is better on UCLA3 and ONS4 anxiety)
            observation.addInterpretation().setText(change.direction() + " than at baseline (" + change.change().toPlainString()
                    + "; " + change.betterWhen() + " is better)");
            observation.addNote().setText(change.direction() + ": " + change.change().toPlainString() + " since the baseline, where "
                    + change.betterWhen() + " is better");
        }
        return observation;
    }

    /** The entries of a message bundle by fullUrl and by {@code Type/id}, for resolving references. */
    public static Map<String, Resource> entries(Bundle bundle) {
        Map<String, Resource> entries = new java.util.HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                entries.put(entry.getFullUrl(), resource);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                entries.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
        }
        return entries;
    }
}
