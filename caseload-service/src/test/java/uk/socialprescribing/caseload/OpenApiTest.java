package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The caseload API as a frontend reads it: every operation documented, with examples to send and problems it may answer. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryEveryBodyAnExampleAndEveryOperationItsProblems() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/caseload")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!operation.hasNonNull("summary")) {
                    missing.add(name + ": summary");
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json");
                if (!body.isMissingNode() && !body.has("examples") && !body.has("example")) {
                    missing.add(name + ": request example");
                }
                boolean problem = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("4") && response.getValue().path("content").has("application/problem+json")) {
                        problem = true;
                    }
                }
                if (!problem) {
                    missing.add(name + ": a 4xx problem+json response");
                }
            }
        }
        assertTrue(operations >= 20, "only " + operations + " operations documented");
        assertEquals(List.of(), missing);
    }

    /** The flags the document lists (the schema, and each flag= parameter) are the flags there are: a new one is never missing. */
    @Test
    void theDocumentListsEveryCaseFlag() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> flags = uk.socialprescribing.conventions.Coded.codes(uk.socialprescribing.caseload.domain.CaseFlag.class);
        assertEquals(flags, codes(spec.at("/components/schemas/CaseFlag/enum")));
        for (String path : List.of("/api/caseload/cases", "/api/caseload/me/caseload")) {
            JsonNode flag = null;
            for (JsonNode parameter : spec.at("/paths/" + path.replace("/", "~1") + "/get/parameters")) {
                if (parameter.path("name").asText().equals("flag")) {
                    flag = parameter;
                }
            }
            assertTrue(flag != null, path + " has no flag parameter");
            assertEquals(flags, codes(flag.at("/schema/enum")), path);
        }
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(code -> codes.add(code.asText()));
        return codes;
    }
}
