package uk.socialprescribing.conventions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The platform's answer to every failure that reaches a REST resource: application/problem+json, never a
 * stack trace or a Java class name. Service code throws domain exceptions, never a problem: the platform's own
 * ({@link InvalidInput}, {@link Conflict}, {@link NotFound}) are answered here, and a service's particular ones are
 * each mapped once in its {@code <Service>Problems}. Over 300 lines: every failure Quarkus REST, Jackson and bean
 * validation raise before a resource runs is mapped here, each naming the field and the rule, so that one class answers
 * what a request did wrong however it was caught.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()),
                    ruleOf(violation),
                    violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field, ProblemMappers::byNumbersInIt).thenComparing(Problem.FieldError::rule));
        return validation(errors, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return validation(List.of(new Problem.FieldError(pathOf(unknown), "UnknownField",
                    "is not a field of this request")), uri);
        }
        if (e instanceof NoNulCharacters.NulInString nul) {
            return validation(List.of(new Problem.FieldError(pathOf(nul), "NoNulCharacter",
                    "must not contain the NUL character (U+0000)")), uri);
        }
        if (e instanceof InvalidFormatException format) {
            return validation(List.of(new Problem.FieldError(pathOf(format), "Format",
                    "cannot be read as " + describe(format.getTargetType()))), uri);
        }
        if (e instanceof ValueInstantiationException value && !value.getPath().isEmpty()) {
            // a value its type refused (its constructor or factory threw): named, with the type's reason
            Throwable cause = value.getCause() == null ? value : value.getCause();
            return validation(List.of(new Problem.FieldError(pathOf(value), "Value", value.getType() != null && value.getType().isEnumType()
                    ? "must be " + describe(value.getType().getRawClass()) : "cannot be taken: " + cause.getMessage())), uri);
        }
        if (e instanceof InvalidDefinitionException definition) {
            // a body shaped so that it cannot be bound (e.g. a record field given twice): the caller's to fix
            LOG.debugf("Unbindable body on %s: %s", uri.getPath(), definition.getOriginalMessage());
            return validation(List.of(new Problem.FieldError(pathOf(definition), "Structure",
                    "cannot be read: give each field once, with the type it takes")), uri);
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return validation(List.of(new Problem.FieldError(pathOf(mismatch), "Type",
                    "must be " + describe(mismatch.getTargetType()))), uri);
        }
        return new Problem(Problem.type("malformed-json"), "The request body is not valid JSON", 400,
                "The body is not valid JSON: " + reasonOf(e) + " at line " + lineOf(e) + ", column " + columnOf(e), uri.getPath(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, UriInfo uri) {
        if (e.errors().size() == 1) {
            return validation(e.errors(), uri);
        }
        return new Problem(Problem.type("validation"), "The request is not valid", 400, e.getMessage(), uri.getPath(), e.errors())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable e, UriInfo uri) {
        return Problem.of(Response.Status.fromStatusCode(e.status()), e.kind(), e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return new Problem(Problem.type(e.kind()), "Conflict", 409, e.getMessage(), uri.getPath(),
                e.field() == null ? List.of() : List.of(e.field())).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, e.kind(), e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse();
    }

    /** Named apart so that it wins over Quarkus REST's built-in mapper (a 500) for this more specific type. */
    @ServerExceptionMapper
    public Response unbindable(InvalidDefinitionException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** Named apart so that it wins over Quarkus REST's built-in mapper for this more specific type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** 412 with the current ETag: the write was decided on a version that is no longer current. */
    @ServerExceptionMapper
    public Response stale(StaleVersionException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.PRECONDITION_FAILED, "stale-version", e.getMessage())
                .at(uri.getPath()).toResponse()).header(HttpHeaders.ETAG, Preconditions.etag(e.currentVersion())).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "Your role does not allow this operation" : e.getMessage();
        return Problem.of(Response.Status.FORBIDDEN, "forbidden", detail)
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // a body that does not parse reaches here wrapped in a 400: say where it breaks
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unparsable) {
                return unreadable(unparsable, uri);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? original.getStatusInfo().getReasonPhrase() : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is found at this path";
            case 405 -> "This path does not allow that method";
            case 406 -> "This resource cannot answer in the media type asked for";
            case 415 -> "This operation takes application/json";
            default -> title;
        };
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA)
                .entity(new Problem(Problem.type("http-" + status), title, status, detail, uri.getPath(), List.of()));
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // a lost race for a row surfaces at commit, wrapped by the transaction: it is a conflict, not our failure
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return Problem.of(Response.Status.CONFLICT, "concurrent-change",
                        "Someone else changed this at the same moment; read it again and retry if it still applies")
                        .at(uri.getPath()).toResponse();
            }
        }
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("The database is unavailable on %s: %s", uri.getPath(), DatabaseUnavailable.reason(e));
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                    "The service cannot reach its database just now. Retry shortly; retry a POST with the same Idempotency-Key, "
                            + "so that a change saved before the connection was lost is answered as the first time, never made twice")
                    .at(uri.getPath()).toResponse()).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (CallerGone.causes(e)) {
            // the answer reaches nobody; a 400, as the request never arrived whole
            LOG.infof("The caller hung up before its request to %s was read", uri.getPath());
            return Problem.of(Response.Status.BAD_REQUEST, "request-incomplete", "The connection closed before the request was read whole")
                    .at(uri.getPath()).toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (incident %s)", uri.getPath(), incident);
        return new Problem(Problem.type("internal"), "Internal Server Error", 500,
                "Something went wrong on our side; quote incident " + incident + " if you report it", uri.getPath(),
                List.of()).toResponse();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problem.type("unauthenticated"), "Unauthorized", 401,
                        "A valid bearer token is required", uri.getPath(), List.of()))
                .build();
    }

    private static Response validation(List<Problem.FieldError> errors, UriInfo uri) {
        return Problem.invalidFields(errors).at(uri.getPath()).toResponse();
    }

    /** {@code create.request.person.nhsNumber} becomes {@code person.nhsNumber}; a query parameter keeps its name. */
    public static String fieldOf(Path path) {
        String parameter = null;
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                    // a list's element is named by its index alone ("days[0]", not "days[0].<list element>")
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        names.add(node.getName());
                    }
                }
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter == null ? "body" : parameter;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The rule a constraint violation broke: its annotation's name (NotNull, Size, Pattern). */
    /** Fields in the order people read them: numbers in names by value ({@code items[2]} before {@code items[10]}). */
    static int byNumbersInIt(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = i;
                int endB = j;
                while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
                    endA++;
                }
                while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
                    endB++;
                }
                int compared = new BigInteger(a.substring(i, endA)).compareTo(new BigInteger(b.substring(j, endB)));
                if (compared != 0) {
                    return compared;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static String ruleOf(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("one of");
            for (Object constant : type.getEnumConstants()) {
                values.append(' ').append(constant);
            }
            return values.toString();
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "Instant", "OffsetDateTime" -> "a date-time (RFC 3339)";
            case "UUID" -> "a UUID";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.isArray() || Collection.class.isAssignableFrom(type) ? "an array" : "an object";
        };
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
    }

    private static int columnOf(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
    }

    /** Jackson's own words for what broke, without its source excerpt or any class name. */
    private static String reasonOf(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        // cut before the class names are taken out: Jackson quotes the input, and a long run of letters would make
        // the pattern try every split of it (seconds per megabyte, a hung request); possessive, so it never backtracks
        message = message.substring(0, Math.min(message.length(), 1000));
        message = message.replaceAll("(?:[a-z][\\w$]*+\\.)++[A-Z][\\w$]*+", "").strip();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
