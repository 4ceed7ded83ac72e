package uk.socialprescribing.conventions;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * The NUL character (U+0000) is refused wherever text comes in, with a 400 naming where: PostgreSQL cannot store it
 * in text, and no name, note or code of this API needs it. In a JSON body's strings ({@link Strings}, installed by
 * {@link StrictJson}), and in the path and query parameters ({@link Parameters}).
 */
public final class NoNulCharacters {

    private NoNulCharacters() {
    }

    static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** A string with a NUL in it: a 400 naming the field. */
    public static final class NulInString extends MismatchedInputException {
        NulInString(JsonParser parser) {
            super(parser, "a string holds the NUL character", String.class);
        }
    }

    /** Every string of a JSON body, read as Jackson would, then refused if it holds a NUL. */
    static final class Strings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (holdsNul(text)) {
                throw new NulInString(parser);
            }
            return text;
        }
    }

    /** Path and query parameters: refused before any resource sees them. */
    @Provider
    @PreMatching
    public static final class Parameters implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (holdsNul(request.getUriInfo().getPath())) {
                request.abortWith(Problem.invalidField("path", "NoNulCharacter", "must not contain the NUL character (U+0000)")
                        .at(request.getUriInfo().getPath()).toResponse());
                return;
            }
            for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
                if (holdsNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(NoNulCharacters::holdsNul)) {
                    request.abortWith(Problem.invalidField(holdsNul(parameter.getKey()) ? "query" : parameter.getKey(), "NoNulCharacter",
                            "must not contain the NUL character (U+0000)").at(request.getUriInfo().getPath()).toResponse());
                    return;
                }
            }
        }
    }
}
