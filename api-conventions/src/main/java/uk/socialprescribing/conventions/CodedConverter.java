package uk.socialprescribing.conventions;

import jakarta.persistence.AttributeConverter;

/**
 * A {@link Coded} value stored by its code, as the API and the events write it. Each enum declares its converter once,
 * nested and auto-applied, so that entities hold the enum itself:
 *
 * <pre>{@code
 * @Converter(autoApply = true)
 * public static class ByCode extends CodedConverter<Urgency> {
 *     public ByCode() { super(Urgency.class); }
 * }
 * }</pre>
 *
 * A stored code that the enum no longer has is an error of the data, not of the caller: it fails loudly.
 */
public abstract class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodedConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        return code == null ? null : Coded.fromCode(type, code)
                .orElseThrow(() -> new IllegalStateException("a stored " + type.getSimpleName() + " has the unknown code " + code));
    }
}
