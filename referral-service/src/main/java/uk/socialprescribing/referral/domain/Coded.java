package uk.socialprescribing.referral.domain;

import java.util.Arrays;
import java.util.Optional;

/** A value of a code list as the API and the events write it (kebab-case), e.g. {@code loneliness-or-isolation}. */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
    }
}
