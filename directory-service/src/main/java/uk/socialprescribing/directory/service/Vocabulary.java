package uk.socialprescribing.directory.service;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The codes a listing states its access features and languages in, so that search can filter on them and the ORUK
 * feed can describe them in words.
 */
public final class Vocabulary {

    /** Access features of a venue, by code, with the words the feed describes them in. */
    public static final Map<String, String> ACCESS = accessFeatures();

    /** Codes for the few languages ISO 639-1 has no two-letter code for but a directory needs. */
    private static final Map<String, String> MORE_LANGUAGES = Map.of("bfi", "British Sign Language");

    private static final Set<String> ISO_639_1 = Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());

    private Vocabulary() {
    }

    private static Map<String, String> accessFeatures() {
        Map<String, String> features = new LinkedHashMap<>();
        features.put("step-free-access", "Step-free access");
        features.put("accessible-toilet", "Accessible toilet");
        features.put("changing-places", "Changing Places toilet");
        features.put("hearing-loop", "Hearing loop");
        features.put("parking", "Parking at the venue");
        features.put("blue-badge-parking", "Blue Badge parking");
        features.put("public-transport", "On a bus route");
        features.put("quiet-space", "A quiet space to take a break");
        features.put("large-print", "Large-print materials");
        features.put("assistance-dogs", "Assistance dogs welcome");
        return Collections.unmodifiableMap(features);
    }

    /** The English name of an ISO 639-1 code (pl) or a code listed here (bfi); empty for any other. */
    public static Optional<String> language(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (MORE_LANGUAGES.containsKey(code)) {
            return Optional.of(MORE_LANGUAGES.get(code));
        }
        return ISO_639_1.contains(code) ? Optional.of(Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK)) : Optional.empty();
    }

    /** The code of a language named in English or by its code, in any case (Polish, pl); empty when not known. */
    public static Optional<String> languageCode(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String wanted = nameOrCode.strip().toLowerCase(Locale.ROOT);
        if (language(wanted).isPresent()) {
            return Optional.of(wanted);
        }
        for (Map.Entry<String, String> more : MORE_LANGUAGES.entrySet()) {
            if (more.getValue().equalsIgnoreCase(wanted)) {
                return Optional.of(more.getKey());
            }
        }
        return ISO_639_1.stream().filter(code -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK).equalsIgnoreCase(wanted)).findFirst();
    }

    /** The code of an access feature given by its code or its words; empty when not one of ours. */
    public static Optional<String> accessCode(String codeOrWords) {
        if (codeOrWords == null) {
            return Optional.empty();
        }
        String wanted = codeOrWords.strip();
        if (ACCESS.containsKey(wanted)) {
            return Optional.of(wanted);
        }
        return ACCESS.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(wanted)).map(Map.Entry::getKey).findFirst();
    }
}
