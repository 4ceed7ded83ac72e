package uk.socialprescribing.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Every operation of every service documents the problems it can answer, as application/problem+json:
 * 401 and 403 where a token is required, and 500 everywhere. Responses an operation already describes keep
 * their description; only the body (a {@link Problem}) is filled in.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "401", "No valid bearer token",
            "403", "The token's role or organisation does not allow this operation",
            "500", "Something went wrong on our side; the body names an incident to quote");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                    || openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
            if (secured) {
                describe(operation, "401");
                describe(operation, "403");
            }
            describe(operation, "500");
        }));
    }

    private static void describe(Operation operation, String status) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status));
            operation.getResponses().addAPIResponse(status, response);
        }
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        }
    }
}
