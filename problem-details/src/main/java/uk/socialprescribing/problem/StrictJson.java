package uk.socialprescribing.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly: a field given twice ({"person": …, "person": …}) is a parse error naming
 * where it is, not a guess at which one wins; a string holding the NUL character is refused naming the field
 * ({@link NoNulCharacters}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("no-nul-characters")
                .addDeserializer(String.class, new NoNulCharacters.Strings()));
    }
}
