package uk.socialprescribing.conventions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value of a code list as the API and the events write it (kebab-case), e.g. {@code loneliness-or-isolation}: every
 * small enum of the platform implements it, and is written and read in JSON by its code.
 */
public interface Coded {

    @JsonValue
    String code();

    /** The constant with this code, if there is one. */
    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
    }

    /** Every code of the list, in its order. */
    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}
