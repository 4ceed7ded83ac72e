package uk.socialprescribing.referral.fhir;

import static uk.socialprescribing.referral.fhir.FhirSystems.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.reference.NhsNumber;
import uk.socialprescribing.referral.domain.ContactMethod;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Needs;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.Urgency;

/**
 * A FHIR R4 ServiceRequest (UK Core, or a BaRS message's) read as our referral. Reading is strict: each element we rely
 * on that is missing or wrong is a {@link FhirInvalidException} naming its FHIRPath.
 */
public final class ServiceRequestReader {

    private ServiceRequestReader() {
    }

    /** What a ServiceRequest says, in our terms. */
    public record Intake(Person person, String requesterOdsCode, String requesterName, String requesterRole, Needs needs) {
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
        String given = String.join(" ", name.getGiven().stream().map(StringType::getValue).filter(Objects::nonNull).toList());
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
                language == null ? null : language.toLowerCase(Locale.ROOT), interpreterNeeded, null);
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

    private static Needs needs(ServiceRequest request) {
        List<ReasonCode> reasons = new ArrayList<>();
        List<String> otherText = new ArrayList<>();
        for (CodeableConcept concept : request.getReasonCode()) {
            Optional<ReasonCode> ours = concept.getCoding().stream().map(ServiceRequestReader::reasonOf).flatMap(Optional::stream).findFirst();
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
        if (share != null && !(share.getValue() instanceof BooleanType)) {
            throw new FhirInvalidException("ServiceRequest.extension", "value", SHARE_OUTCOME_WITH_REFERRER + " takes a valueBoolean");
        }
        boolean shareOutcome = share != null && "true".equals(share.getValue().primitiveValue());
        // refused rather than cut short: a referrer's words are not lost without their knowing
        within(other, 500, "ServiceRequest.reasonCode.text");
        within(notes, 4000, "ServiceRequest.note");
        return new Needs(reasons, other, notes.isBlank() ? null : notes, List.of(), null, shareOutcome, urgency);
    }

    /** The element's one extension of this url, or null; given more than once, it is refused (HAPI would throw). */
    private static Extension single(DomainResource element, String url, String expression) {
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

    /** The entries of a message bundle by fullUrl and by {@code Type/id}, for resolving references. */
    public static Map<String, Resource> entries(Bundle bundle) {
        Map<String, Resource> entries = new HashMap<>();
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
