package uk.socialprescribing.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the person is referred (PRSB Social Prescribing Information Standard, reason for referral).
 * {@link #snomedCode()} is the SNOMED CT concept where one is confirmed in our standards folder; none of the
 * reasons has one confirmed yet, so they travel as our own codes (system {@link #SYSTEM}) until they are.
 */
public enum ReasonCode implements Coded {
    LONELINESS_OR_ISOLATION("loneliness-or-isolation", "Loneliness or social isolation"),
    LOW_MOOD_ANXIETY_OR_STRESS("low-mood-anxiety-or-stress", "Low mood, anxiety or stress"),
    LONG_TERM_CONDITION_SUPPORT("long-term-condition-support", "Support with a long-term condition"),
    PHYSICAL_INACTIVITY("physical-inactivity", "Physical inactivity"),
    WEIGHT_OR_HEALTHY_EATING("weight-or-healthy-eating", "Weight management or healthy eating"),
    FINANCIAL_OR_DEBT("financial-or-debt", "Financial worries or debt"),
    HOUSING("housing", "Housing"),
    BEREAVEMENT("bereavement", "Bereavement"),
    CARER_SUPPORT("carer-support", "Support as a carer"),
    EMPLOYMENT_OR_VOLUNTEERING("employment-or-volunteering", "Employment or volunteering"),
    OTHER("other", "Other");

    public static final String SYSTEM = "https://social-prescribing.example.uk/CodeSystem/referral-reason";

    private final String code;
    private final String display;

    ReasonCode(String code, String display) {
        this.code = code;
        this.display = display;
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
        return null;
    }

    @Override
    public String toString() {
        return code;
    }
}
