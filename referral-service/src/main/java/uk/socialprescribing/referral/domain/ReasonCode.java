package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedListConverter;

/**
 * Why the person is referred (PRSB Social Prescribing Information Standard, reason for referral).
 * Each travels as our own code (system {@link #SYSTEM}) and, where a SNOMED CT concept is confirmed, with it too:
 * {@code 422650009} Social isolation (finding), as HL7's SDOH Clinical Care implementation guide codes it
 * (HL7/fhir-sdoh-clinicalcare, SDOHCC-ObservationAssessmentSocialIsolationExample). The others have no concept
 * confirmed from an authoritative source yet and carry none rather than a guess.
 */
public enum ReasonCode implements Coded {
    LONELINESS_OR_ISOLATION("loneliness-or-isolation", "Loneliness or social isolation", "422650009"),
    LOW_MOOD_ANXIETY_OR_STRESS("low-mood-anxiety-or-stress", "Low mood, anxiety or stress", null),
    LONG_TERM_CONDITION_SUPPORT("long-term-condition-support", "Support with a long-term condition", null),
    PHYSICAL_INACTIVITY("physical-inactivity", "Physical inactivity", null),
    WEIGHT_OR_HEALTHY_EATING("weight-or-healthy-eating", "Weight management or healthy eating", null),
    FINANCIAL_OR_DEBT("financial-or-debt", "Financial worries or debt", null),
    HOUSING("housing", "Housing", null),
    BEREAVEMENT("bereavement", "Bereavement", null),
    CARER_SUPPORT("carer-support", "Support as a carer", null),
    EMPLOYMENT_OR_VOLUNTEERING("employment-or-volunteering", "Employment or volunteering", null),
    OTHER("other", "Other", null);

    public static final String SYSTEM = "https://social-prescribing.example.uk/CodeSystem/referral-reason";

    private final String code;
    private final String display;
    private final String snomedCode;

    ReasonCode(String code, String display, String snomedCode) {
        this.code = code;
        this.display = display;
        this.snomedCode = snomedCode;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The SNOMED CT concept id, where one is confirmed; null otherwise. */
    public String snomedCode() {
        return snomedCode;
    }

    @Override
    public String toString() {
        return code;
    }

    /** A list of them, stored as an array of codes. */
    @Converter
    public static class ListByCode extends CodedListConverter<ReasonCode> {
        public ListByCode() {
            super(ReasonCode.class);
        }
    }
}
