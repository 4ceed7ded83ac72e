package uk.socialprescribing.conventions;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Every operation of every service documents the problems it can answer, as application/problem+json: 401 and 403
 * where a token is required, 412 and 428 where it takes {@code If-Match}, 422 where it takes {@code Idempotency-Key},
 * and 500 everywhere. Every 4xx and 5xx response an operation describes without a body gets the {@link Problem}
 * body; responses keep their own description. A resource declares only the problems particular to it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "401", "No valid bearer token",
            "403", "The token's role or organisation does not allow this operation",
            "412", "It changed since you read it (If-Match is stale); the ETag header is the current version",
            "422", "The Idempotency-Key was used before with another request",
            "428", "If-Match is missing: read it first and send its ETag",
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
            if (hasHeader(operation, "If-Match")) {
                describe(operation, "412");
                describe(operation, "428");
            }
            if (hasHeader(operation, "Idempotency-Key")) {
                describe(operation, "422");
            }
            describe(operation, "500");
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                        describe(operation, status);
                    }
                });
            }
        }));
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
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
