package uk.socialprescribing.referral.fhir;

import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** The FHIR systems, codes and extensions the platform reads and writes, named once. */
public final class FhirSystems {

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

    /** Our code system of a referral's states, which the Task's business status carries. */
    public static final String REFERRAL_STATUS_SYSTEM = "https://social-prescribing.example.uk/CodeSystem/referral-status";
    /** Our code system of the outcome measures' scales (no SNOMED CT or LOINC concept confirmed for them: docs/referrals.md). */
    public static final String OUTCOME_SCALE_SYSTEM = "https://social-prescribing.example.uk/CodeSystem/outcome-scale";
    /** Our code system of the messages back to the referrer (their kinds), which each Communication's topic carries. */
    public static final String MESSAGE_KIND_SYSTEM = "https://social-prescribing.example.uk/CodeSystem/referrer-message";

    private FhirSystems() {
    }
}
