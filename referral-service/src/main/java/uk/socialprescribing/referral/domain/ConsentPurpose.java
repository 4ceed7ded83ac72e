package uk.socialprescribing.referral.domain;

import jakarta.persistence.Converter;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/**
 * What a person's consent (or the reason it was not sought) is about. The referral itself rests on direct care as its
 * lawful basis (UK GDPR articles 6(1)(e) and 9(2)(h)); what is recorded for it is the person's agreement to share their
 * information, or why it was not sought and any best-interests decision. The others each govern one use.
 */
public enum ConsentPurpose implements Coded {
    REFERRAL("referral", "Sharing the person's information for the referral and their support (direct care)"),
    SHARE_OUTCOME_WITH_REFERRER("share-outcome-with-referrer", "Telling the referrer how the person's support went and what changed"),
    SHARE_CONTACT_WITH_PROVIDER("share-contact-with-provider",
            "Giving the person's name and contact details to a community group or service they are referred to"),
    CONTACT_BY_PHONE("contact-by-phone", "Being contacted by phone"),
    CONTACT_BY_TEXT("contact-by-text", "Being contacted by text message"),
    CONTACT_BY_EMAIL("contact-by-email", "Being contacted by email"),
    CONTACT_BY_LETTER("contact-by-letter", "Being contacted by letter"),
    EVALUATION_AND_PLANNING("evaluation-and-planning",
            "Use beyond the person's care: evaluating and planning services (the national data opt-out and the GP opt-out apply)");

    private final String code;
    private final String meaning;

    ConsentPurpose(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    @Converter(autoApply = true)
    public static class ByCode extends CodedConverter<ConsentPurpose> {
        public ByCode() {
            super(ConsentPurpose.class);
        }
    }
}
