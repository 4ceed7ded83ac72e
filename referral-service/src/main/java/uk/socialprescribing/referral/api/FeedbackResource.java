package uk.socialprescribing.referral.api;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ca.uhn.fhir.context.FhirContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.feedback.FeedbackMessage;
import uk.socialprescribing.referral.feedback.ReferrerFeedback;
import uk.socialprescribing.referral.fhir.FeedbackBundle;
import uk.socialprescribing.referral.fhir.FhirResource;
import uk.socialprescribing.referral.service.Triage;

/** The message back to the referrer, in JSON or as FHIR. */
@Path("/api/referrals/{id}/feedback")
@Tag(name = "Referrals")
@SecurityRequirement(name = "SecurityScheme")
public class FeedbackResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Feedback", description = "What became of a referral, as told to its referrer")
    public record Feedback(UUID referralId, String status,
            @Schema(description = "The SNOMED CT concept the referrer's system should record now, if any") FeedbackMessage.Coding recordAs,
            List<FeedbackMessage> messages) {
    }

    private final Triage triage;
    private final ReferrerFeedback feedback;
    private final Caller caller;

    public FeedbackResource(Triage triage, ReferrerFeedback feedback, Caller caller) {
        this.triage = triage;
        this.feedback = feedback;
        this.caller = caller;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, FhirResource.FHIR_JSON })
    @RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
    @Operation(summary = "The messages back to the referrer about a referral",
            description = "On acceptance, decline, redirection and closure (with the closure reason, sessions, activities "
                    + "connected to and, where the person agreed, the change in their outcome measures). JSON unless "
                    + "application/fhir+json is asked for: then a FHIR Bundle of the ServiceRequest (its status), a Task "
                    + "and a Communication per message. The read is audited.")
    @APIResponse(responseCode = "200", description = "The messages, oldest first",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Feedback.class)),
                    @Content(mediaType = FhirResource.FHIR_JSON) })
    @APIResponse(responseCode = "404", description = "No such referral of yours")
    public Response feedback(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean fhir = accept != null && accept.contains(FhirResource.FHIR_JSON);
        return QuarkusTransaction.requiringNew().call(() -> {
            Referral referral = triage.read(id, caller.viewer());
            List<FeedbackMessage> messages = feedback.messagesAbout(id);
            if (fhir) {
                return Response.ok(FhirContext.forR4Cached().newJsonParser()
                        .encodeResourceToString(FeedbackBundle.feedback(referral, messages)), FhirResource.FHIR_JSON).build();
            }
            FeedbackMessage.Coding recordAs = messages.stream().map(FeedbackMessage::recordAs).filter(Objects::nonNull)
                    .reduce((first, second) -> second).orElse(null);
            return Response.ok(new Feedback(id, referral.status().name(), recordAs, messages), MediaType.APPLICATION_JSON).build();
        });
    }
}
