package uk.socialprescribing.conventions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Every problem of a request body in one answer. Jackson stops at the first value it cannot read (a {@code kind} that
 * is not a kind), so a body with four bad values would be told of one. While a request body is read, values of the
 * wrong form are noted instead (each with its path and rule) and read as empty; the body is then checked by its
 * constraints as well, and a 400 names the lot. Outside request bodies (events, stored JSON) Jackson fails as before.
 */
@Provider
public class BodyProblems implements ReaderInterceptor {

    private static final ThreadLocal<List<Problem.FieldError>> NOTED = new ThreadLocal<>();

    private final Validator validator;

    public BodyProblems(Validator validator) {
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        List<Problem.FieldError> outer = NOTED.get();
        List<Problem.FieldError> noted = new ArrayList<>();
        NOTED.set(noted);
        Object body;
        try {
            body = context.proceed();
        } finally {
            if (outer == null) {
                NOTED.remove();
            } else {
                NOTED.set(outer);
            }
        }
        if (noted.isEmpty()) {
            return body;
        }
        List<Problem.FieldError> errors = new ArrayList<>(noted);
        if (body != null) {
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                String field = violation.getPropertyPath().toString();
                if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                    errors.add(new Problem.FieldError(field.isEmpty() ? "body" : field,
                            ProblemMappers.ruleOf(violation), violation.getMessage()));
                }
            }
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::rule));
        throw new ProblemException(Problem.invalidFields(errors));
    }

    /** Notes a value of the wrong form while a request body is read; otherwise lets Jackson fail as it would. */
    public static class Handler extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
            return note(ctxt.getParser(), targetType, "Format", "cannot be read as " + ProblemMappers.describe(targetType));
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
            return note(ctxt.getParser(), targetType, "Format", "cannot be read as " + ProblemMappers.describe(targetType));
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token, JsonParser parser,
                String failureMsg) throws IOException {
            if (NOTED.get() == null || targetType == null || !isSimple(targetType.getRawClass())) {
                return NOT_HANDLED; // a value where an object or a list belongs: Jackson's own answer names it
            }
            Object noted = note(parser, targetType == null ? null : targetType.getRawClass(), "Type",
                    "must be " + ProblemMappers.describe(targetType == null ? null : targetType.getRawClass()));
            if (noted != NOT_HANDLED) {
                parser.skipChildren();
            }
            return noted;
        }

        private static boolean isSimple(Class<?> type) {
            return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type) || type == String.class || type == Boolean.class
                    || type == UUID.class || type.getName().startsWith("java.time.");
        }

        private static Object note(JsonParser parser, Class<?> targetType, String rule, String message) {
            List<Problem.FieldError> noted = NOTED.get();
            if (noted == null || parser == null) {
                return NOT_HANDLED;
            }
            noted.add(new Problem.FieldError(pathOf(parser.getParsingContext()), rule, message));
            return emptyOf(targetType);
        }

        /** What a value that could not be read is taken as until the answer names it: nothing, or a primitive's zero. */
        private static Object emptyOf(Class<?> type) {
            if (type == null || !type.isPrimitive()) {
                return null;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == double.class) {
                return 0d;
            }
            if (type == float.class) {
                return 0f;
            }
            if (type == char.class) {
                return '\0';
            }
            if (type == short.class) {
                return (short) 0;
            }
            return type == byte.class ? (byte) 0 : 0;
        }

        /** {@code person.nhsNumber}, {@code reasons[1].code}, as the answer names fields. */
        static String pathOf(JsonStreamContext context) {
            Deque<String> parts = new ArrayDeque<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    parts.addFirst(c.getCurrentName());
                } else if (c.inArray()) {
                    parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
                }
            }
            StringBuilder path = new StringBuilder();
            for (String part : parts) {
                if (!path.isEmpty() && !part.startsWith("[")) {
                    path.append('.');
                }
                path.append(part);
            }
            return path.isEmpty() ? "body" : path.toString();
        }
    }
}
