package uk.socialprescribing.conventions;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;

/**
 * A list of {@link Coded} values stored as an array of their codes (PostgreSQL {@code varchar[]}), so that a GIN index
 * and {@code array_contains} serve a filter on one code. Declared per enum as a nested converter, like
 * {@link CodedConverter}, and named on the field with {@code @Convert}.
 */
public abstract class CodedListConverter<E extends Enum<E> & Coded> implements AttributeConverter<List<E>, String[]> {

    private final CodedConverter<E> one;

    protected CodedListConverter(Class<E> type) {
        this.one = new CodedConverter<>(type) {
        };
    }

    @Override
    public String[] convertToDatabaseColumn(List<E> values) {
        return values == null ? new String[0] : values.stream().map(Coded::code).toArray(String[]::new);
    }

    @Override
    public List<E> convertToEntityAttribute(String[] codes) {
        return codes == null ? List.of() : Arrays.stream(codes).map(one::convertToEntityAttribute).toList();
    }
}
