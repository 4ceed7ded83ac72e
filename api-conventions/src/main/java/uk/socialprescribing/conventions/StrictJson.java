package uk.socialprescribing.conventions;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly: a field given twice ({"person": …, "person": …}) is a parse error naming
 * where it is, not a guess at which one wins; a string holding the NUL character is refused naming the field
 * ({@link NoNulCharacters}); anything after the body's one value is an error; a number is not taken for a boolean.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // a body is one JSON value: anything after it is an error, not ignored
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // true and false are booleans: a number is not read as one (Jackson would take 42 for true)
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("no-nul-characters")
                .addDeserializer(String.class, new NoNulCharacters.Strings()));
        // while a request body is read, every value of the wrong form is noted and named in one answer (BodyProblems)
        mapper.addHandler(new BodyProblems.Handler());
    }
}
