package uk.socialprescribing.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 JSON, read strictly and written: HAPI FHIR's R4 structures, after the body is held to the shapes FHIR's JSON
 * allows ({@link FhirJsonShape}); an element HAPI does not know is an error, not ignored.
 */
final class FhirJson {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirJsonShape SHAPE = new FhirJsonShape(FHIR);

    private FhirJson() {
    }

    static IParser parser() {
        return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    static <T extends IBaseResource> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new FhirInvalidException(type.getSimpleName(), "required", "the body must be a FHIR R4 " + type.getSimpleName());
        }
        if (body.indexOf('\u0000') >= 0 || body.contains("\\u0000")) {
            // PostgreSQL cannot store it, and no element of a referral needs it
            throw new DataFormatException("a string holds the NUL character (U+0000)");
        }
        SHAPE.check(body);
        try {
            return parser().parseResource(type, body);
        } catch (DataFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // HAPI's parser gives up on some shapes (an array, null, an extension that is not an object) with an
            // IllegalArgumentException or a NullPointerException rather than its DataFormatException: still bad input
            throw new DataFormatException("not FHIR R4 JSON that can be read as a " + type.getSimpleName(), e);
        }
    }

    static String write(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }
}
