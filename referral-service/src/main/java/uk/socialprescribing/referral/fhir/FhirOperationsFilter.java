package uk.socialprescribing.referral.fhir;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * FHIR operations are named with a leading $ ({@code /fhir/$process-message}), which JAX-RS can only route through a
 * path parameter: the document shows the operation's real path instead of {@code /fhir/{operation}}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class FhirOperationsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem operation = openAPI.getPaths().getPathItem("/fhir/{operation}");
        if (operation == null) {
            return;
        }
        openAPI.getPaths().removePathItem("/fhir/{operation}");
        if (operation.getPOST() != null && operation.getPOST().getParameters() != null) {
            operation.getPOST().setParameters(operation.getPOST().getParameters().stream()
                    .filter(p -> !"operation".equals(p.getName())).toList());
        }
        if (operation.getParameters() != null) {
            operation.setParameters(operation.getParameters().stream().filter(p -> !"operation".equals(p.getName())).toList());
        }
        openAPI.getPaths().addPathItem("/fhir/$process-message", operation);
    }
}
