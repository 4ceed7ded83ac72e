package uk.socialprescribing.conventions;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field and the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem", example = "urn:social-prescribing:problem:validation") URI type,
        @Schema(description = "Short summary of the kind of problem", example = "The request is not valid") String title,
        @Schema(description = "The HTTP status", example = "400") int status,
        @Schema(description = "What went wrong this time", example = "1 field is not valid") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "One entry per offending field") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON path of the field in the request body, or the parameter name", example = "nhsNumber") String field,
            @Schema(description = "The rule the value broke", example = "Pattern") String rule,
            @Schema(description = "What the rule asks for", example = "must be 10 digits") String message) {
    }

    public static URI type(String kind) {
        return URI.create("urn:social-prescribing:problem:" + kind);
    }

    public static Problem of(Response.Status status, String kind, String detail) {
        return new Problem(type(kind), status.getReasonPhrase(), status.getStatusCode(), detail, null, List.of());
    }

    /** A 400 naming one field and the rule it broke, for checks that span fields or need the data. */
    public static Problem invalidField(String field, String rule, String message) {
        return invalidFields(List.of(new FieldError(field, rule, message)));
    }

    /** A 400 naming every offending field and the rule each broke, in one answer. */
    public static Problem invalidFields(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation problem names at least one field");
        }
        String detail = errors.size() == 1 ? "1 field is not valid: " + errors.get(0).field() : errors.size() + " fields are not valid";
        return new Problem(type("validation"), "The request is not valid", 400, detail, null, List.copyOf(errors));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
