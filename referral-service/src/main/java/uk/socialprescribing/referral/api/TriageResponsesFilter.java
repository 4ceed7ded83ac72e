package uk.socialprescribing.referral.api;

import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import uk.socialprescribing.conventions.Problem;

/**
 * Every triage move ({@code POST /api/referrals/{id}/accept|decline|redirect|withdraw}) answers the same 404 and 409:
 * documented here once rather than on each operation (412, 422 and 428 come with their headers, from
 * {@link uk.socialprescribing.conventions.ProblemResponsesFilter}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TriageResponsesFilter implements OASFilter {

    private static final Pattern MOVE = Pattern.compile("/api/referrals/\\{id}/(accept|decline|redirect|withdraw)");

    private static final Map<String, String> PROBLEMS = Map.of(
            "404", "No such referral that you may act on (another organisation's or PCN's is not told apart from none)",
            "409", "Its status does not allow this move; the detail names the current status");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (MOVE.matcher(path).matches() && item.getPOST() != null) {
                Operation move = item.getPOST();
                PROBLEMS.forEach((status, description) -> {
                    if (move.getResponses().getAPIResponse(status) == null) {
                        APIResponse response = OASFactory.createAPIResponse().description(description)
                                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
                        move.getResponses().addAPIResponse(status, response);
                    }
                });
            }
        });
    }
}
