package uk.socialprescribing.caseload.api;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.service.Allocating;
import uk.socialprescribing.caseload.service.LinkWorkers;
import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.idempotency.Idempotency;

@Path("/api/caseload/link-workers")
@Tag(name = "Link workers", description = "The team, its caps and its load")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
public class LinkWorkerResource {

    static final String EXAMPLE = """
            {"username": "amara.okafor", "displayName": "Amara Okafor", "pcnCode": "U84002", "practices": ["B82005", "B82018"],
             "languages": ["en", "yo"], "workingDays": ["mon", "tue", "thu"], "activeCaseCap": 40, "yearlyCap": 225}""";

    private final LinkWorkers linkWorkers;
    private final Allocating allocating;
    private final Caller caller;

    private final Idempotency idempotency;

    public LinkWorkerResource(LinkWorkers linkWorkers, Allocating allocating, Caller caller, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.linkWorkers = linkWorkers;
        this.allocating = allocating;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The link workers of a PCN, with their load against their caps",
            description = "Your own PCN; admin names one with pcn.")
    @APIResponse(responseCode = "200", description = "A page of the team, by name")
    @APIResponse(responseCode = "403", description = "Another PCN's team")
    public Page<LinkWorkerView> list(@Parameter(description = "The PCN (admin); others see their own", example = "U84002")
            @QueryParam("pcn") String pcn, @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        PageRequest page = paging.read(query);
        query.check();
        String pcnCode = caller.readablePcn(pcn);
        return Page.slice(allocating.loads(pcnCode).stream().map(LinkWorkerView::of)
                .sorted(Comparator.comparing(LinkWorkerView::displayName)).toList(), page, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A link worker, with their load",
            description = "Their caps (active cases and new cases a week), how many of each they hold now, and their spare places. Leads of their network and admin.")
    @APIResponse(responseCode = "200", description = "The link worker; ETag their version",
            content = @Content(schema = @Schema(implementation = LinkWorkerView.class)))
    @APIResponse(responseCode = "404", description = "No such link worker in your PCN")
    public Response read(@PathParam("id") UUID id) {
        LinkWorker worker = visible(id);
        return Response.ok(LinkWorkerView.of(linkWorkers.loadOf(worker))).header(HttpHeaders.ETAG, Preconditions.etag(worker.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a link worker", description = "Admin, or a lead of the PCN. Their room is used at once: "
            + "waiting cases of the PCN are assigned to them.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LinkWorkerDetails.class),
            examples = @ExampleObject(name = "link worker", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = LinkWorkerView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid (an unknown PCN, a practice of another PCN…)")
    @APIResponse(responseCode = "409", description = "The username has a link worker already")
    public Response add(@NotNull(message = "a link worker is required") @Valid LinkWorkerDetails body, UriInfo uri,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.name(), key, body, () -> {
            caller.requireManagerOf(body.pcnCode());
            Allocating.Load added = linkWorkers.add(profile(body));
            URI location = uri.getBaseUriBuilder().path("api/caseload/link-workers").path(added.worker().id().toString()).build();
            return Response.created(location).entity(LinkWorkerView.of(added)).header(HttpHeaders.ETAG, Preconditions.etag(added.worker().version())).build();
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a link worker's details or caps", description = "Needs If-Match. Raising a cap assigns "
            + "waiting cases at once; lowering it below the current load takes no case away, it only stops new ones.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LinkWorkerDetails.class),
            examples = @ExampleObject(name = "link worker", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = LinkWorkerView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid")
    @APIResponse(responseCode = "404", description = "No such link worker in your PCN")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @NotNull(message = "a link worker is required") @Valid LinkWorkerDetails body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long expected = Preconditions.ifMatchVersion(ifMatch);
        LinkWorker worker = visible(id);
        caller.requireManagerOf(worker.pcnCode());
        caller.requireManagerOf(body.pcnCode());
        Allocating.Load changed = linkWorkers.update(id, expected, profile(body));
        return Response.ok(LinkWorkerView.of(changed)).header(HttpHeaders.ETAG, Preconditions.etag(changed.worker().version())).build();
    }

    private LinkWorker visible(UUID id) {
        LinkWorker worker = linkWorkers.find(id).orElseThrow(() -> new LinkWorkers.LinkWorkerNotFoundException(id));
        if (!caller.isAdmin() && !caller.pcn().equals(worker.pcnCode())) {
            throw new LinkWorkers.LinkWorkerNotFoundException(id);
        }
        return worker;
    }

    private static LinkWorker.Profile profile(LinkWorkerDetails body) {
        return new LinkWorker.Profile(body.username().strip(), body.displayName().strip(), body.pcnCode(),
                body.practices() == null ? List.of() : body.practices(), body.languages(), body.workingDays(),
                body.activeCaseCap(), body.yearlyCap(), Boolean.TRUE.equals(body.lead()));
    }
}
