package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The gateway's one API document (/q/openapi), read once, and the request examples it gives partners. */
final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    private ApiDocument() {
    }

    static synchronized JsonNode get() {
        if (document == null) {
            document = read(given().when().get("/q/openapi").then().statusCode(200).extract().asString());
        }
        return document;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first example the document gives for an operation's ("POST /api/referrals") request body, as text. */
    static String example(String operation, String contentType) {
        String[] parts = operation.split(" ", 2);
        JsonNode content = get().at("/paths/" + parts[1].replace("~", "~0").replace("/", "~1") + "/" + parts[0].toLowerCase()
                + "/requestBody/content/" + contentType.replace("/", "~1"));
        JsonNode examples = content.get("examples");
        JsonNode value = examples != null ? examples.elements().next().get("value") : content.get("example");
        if (value == null) {
            throw new IllegalStateException(operation + " documents no example " + contentType + " body");
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    static ObjectNode exampleJson(String operation) {
        return (ObjectNode) read(example(operation, "application/json"));
    }
}
