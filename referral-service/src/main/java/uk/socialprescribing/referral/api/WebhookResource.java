package uk.socialprescribing.referral.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.referral.feedback.FeedbackMessage;
import uk.socialprescribing.referral.feedback.WebhookDispatcher;
import uk.socialprescribing.referral.feedback.WebhookNotFoundException;
import uk.socialprescribing.referral.feedback.WebhookSubscription;
import uk.socialprescribing.referral.feedback.Webhooks;

/** A referrer organisation's webhooks for the messages about its referrals, and their delivery log. */
@Path("/api/referrals/webhooks")
@Tag(name = "Referrer webhooks", description = "Messages back to the referrer, pushed as they happen")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REFERRER)
public class WebhookResource {

    @Schema(name = "NewWebhook")
    public record NewWebhook(@NotBlank @Size(max = 2000) @Schema(required = true, example = "https://gp-system.example.nhs.uk/social-prescribing/messages") String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Webhook")
    public record WebhookView(UUID id, String url, Instant createdAt,
            @Schema(description = "Shown once, when the webhook is registered: verify each message's " + WebhookDispatcher.SIGNATURE
                    + " header, sha256=hex(HMAC-SHA256(secret, timestamp + '.' + body)), the timestamp being "
                    + WebhookDispatcher.TIMESTAMP) String secret) {
    }

    private final Webhooks webhooks;
    private final Caller caller;
    private final Idempotency idempotency;

    public WebhookResource(Webhooks webhooks, Caller caller, Idempotency idempotency) {
        this.webhooks = webhooks;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook",
            description = "Each message about your organisation's referrals (accepted, declined, redirected, closed) is POSTed "
                    + "to it as JSON, signed with the secret returned here, and retried with backoff until it answers 2xx. It must be "
                    + "https on a public address; in the dev and test profiles, http or https to this machine (loopback) is allowed too, "
                    + "to try webhooks locally. POST …/{id}/test sends a test message.")
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "The URL is not valid (https on a public address is required)")
    public Response register(@NotNull(message = "a webhook is required") @Valid NewWebhook webhook,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        String organisation = caller.referringOrganisation().key();
        return idempotency.once(caller.name(), key, webhook, () -> {
            WebhookSubscription created = webhooks.register(organisation, caller.name(), webhook.url());
            URI location = uri.getBaseUriBuilder().path("api/referrals/webhooks").path(created.id().toString()).build();
            return Response.created(location).entity(new WebhookView(created.id(), created.url(), created.createdAt(),
                    secretOf(created))).build();
        });
    }

    @GET
    @Operation(summary = "Your organisation's webhooks",
            description = "The webhooks your organisation registered for messages back about its referrals: where they deliver and when they were registered. A secret is shown once, when its webhook is registered, never again.")
    @APIResponse(responseCode = "200", description = "A page of the webhooks (without their secrets), oldest first")
    public Page<WebhookView> list(@BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        PageRequest page = paging.read(query);
        query.check();
        return Page.of(webhooks.of(caller.referringOrganisation().key(), page)
                .map(w -> new WebhookView(w.id(), w.url(), w.createdAt(), null)), page, uri);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a webhook", description = "Messages still waiting for it are not sent.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook of yours")
    public Response remove(@PathParam("id") UUID id) {
        if (!webhooks.remove(caller.referringOrganisation().key(), id)) {
            throw new WebhookNotFoundException(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a test message to a webhook",
            description = "A message of kind test, about no referral, signed like every other, queued for this webhook at once: "
                    + "to check that your system receives messages and checks their signature. Its delivery is in the webhook's log.")
    @APIResponse(responseCode = "202", description = "Queued; the message, and where to follow its delivery (Location)",
            content = @Content(schema = @Schema(implementation = FeedbackMessage.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of yours")
    public Response test(@PathParam("id") UUID id, UriInfo uri,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.name(), key, List.of("test", id), () -> {
            var message = webhooks.sendTest(caller.referringOrganisation().key(), id);
            if (message == null) {
                throw new WebhookNotFoundException(id);
            }
            return Response.accepted(message).location(uri.getBaseUriBuilder().path("api/referrals/webhooks").path(id.toString())
                    .path("deliveries").build()).build();
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log of a webhook", description = "Its deliveries, newest first, paged, each with every attempt.")
    @APIResponse(responseCode = "200", description = "A page of the deliveries, newest first")
    @APIResponse(responseCode = "404", description = "No such webhook of yours")
    public Page<Webhooks.Delivery> deliveries(@PathParam("id") UUID id, @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        PageRequest page = paging.read(query);
        query.check();
        Slice<Webhooks.Delivery> log = webhooks.deliveries(caller.referringOrganisation().key(), id, page);
        if (log == null) {
            throw new WebhookNotFoundException(id);
        }
        return Page.of(log, page, uri);
    }

    private static String secretOf(WebhookSubscription subscription) {
        return Webhooks.secretOf(subscription);
    }
}
