package uk.socialprescribing.caseload.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.CaseFlag;
import uk.socialprescribing.caseload.domain.CaseStatus;
import uk.socialprescribing.caseload.domain.ClosureReason;
import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.repository.LinkWorkerRepository;
import uk.socialprescribing.caseload.service.Allocating;
import uk.socialprescribing.caseload.service.CaseChanges;
import uk.socialprescribing.caseload.service.CaseFilter;
import uk.socialprescribing.caseload.service.CaseQueries;
import uk.socialprescribing.caseload.service.CaseViewer;
import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.NotFound;
import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.idempotency.Idempotency;

@Path("/api/caseload")
@Tag(name = "Cases")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
public class CaseResource {

    @Schema(name = "Reassign")
    public record Reassign(@NotNull @Schema(required = true, description = "A link worker of the case's PCN with room") UUID linkWorkerId) {
    }

    @Schema(name = "Close")
    public record Close(@NotNull @Schema(required = true, example = "goals-met",
            enumeration = { "goals-met", "disengaged", "declined-further-support", "moved-away", "referred-elsewhere", "died" })
            ClosureReason reason,
            @Size(max = 1000) @Schema(description = "For the referrer: how the support went, in a few sentences",
                    example = "Came to six sessions; now walks with the Nidd Gorge group every week and feels less alone.") String summary,
            @Size(max = 1000) @Schema(description = "For the referrer: what happens next, e.g. what the GP might pick up",
                    example = "Would like help with a blue badge application; knows to contact us again.") String nextSteps) {
    }

    private final CaseQueries cases;
    private final LinkWorkerRepository linkWorkers;
    private final CaseChanges changes;
    private final Caller caller;
    private final Allocating allocating;
    private final Idempotency idempotency;

    public CaseResource(CaseQueries cases, CaseChanges changes, Caller caller, Allocating allocating, Idempotency idempotency,
            LinkWorkerRepository linkWorkers) {
        this.linkWorkers = linkWorkers;
        this.idempotency = idempotency;
        this.allocating = allocating;
        this.cases = cases;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Path("/cases")
    @Operation(summary = "List cases",
            description = "A link worker sees their own cases and their PCN's waiting ones, a lead their PCN's, admin all. "
                    + "Oldest first, paged (page numbers from 1).")
    @APIResponse(responseCode = "200", description = "A page of cases")
    @APIResponse(responseCode = "400", description = "A parameter is not valid; it is named")
    public Page<CaseView> list(@Parameter(description = "Only the case of this referral") @QueryParam("referralId") String referralId,
            @Parameter(schema = @Schema(enumeration = { "OPEN", "CLOSED" })) @QueryParam("status") String status,
            @Parameter(description = "Only this link worker's cases") @QueryParam("linkWorkerId") String linkWorkerId,
            @Parameter(schema = @Schema(enumeration = { "ASSIGNED", "WAITING" })) @QueryParam("allocation") String allocation,
            @Parameter(description = "Only cases with this flag", schema = @Schema(enumeration = { "first-contact-late",
                    "missed-two-in-a-row", "session-unrecorded", "follow-up-overdue", "consent-review-due" })) @QueryParam("flag") String flag,
            @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        CaseFilter filter = new CaseFilter(query.uuid("referralId", referralId).orElse(null),
                query.oneOf("status", status, v -> byName(CaseStatus.values(), v), names(CaseStatus.values())).orElse(null),
                query.uuid("linkWorkerId", linkWorkerId).orElse(null),
                query.oneOf("allocation", allocation, v -> byName(Allocation.values(), v), names(Allocation.values())).orElse(null),
                query.oneOf("flag", flag, v -> Coded.fromCode(CaseFlag.class, v).orElse(null), Coded.codes(CaseFlag.class)).orElse(null));
        PageRequest page = paging.read(query);
        query.check();
        return Page.of(cases.list(caller.viewer(), filter, page).map(CaseView::of), page, uri);
    }

    @Schema(name = "MyCaseload", description = "The caller's load against their caps, and a page of their open cases, oldest first")
    public record MyCaseload(UUID linkWorkerId, String displayName, long activeCases, int activeCaseCap,
            @Schema(description = "Cases taken on in the last 365 days") long takenOnThisYear, int yearlyCap,
            @Schema(description = "Open cases with each flag; flags with none are left out") Map<String, Long> flagged,
            @Schema(description = "A page of the caller's open cases, oldest first") Page<CaseView> cases) {
    }

    @GET
    @Path("/me/caseload")
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "My caseload",
            description = "The caller's load against their caps and their open cases, oldest first: each with its next booked "
                    + "session, sessions attended against the plan's intended number, and its flags (overdue follow-up, "
                    + "unrecorded session, missed two in a row, first contact late). Filter by flag to see what needs doing.")
    @APIResponse(responseCode = "200", description = "My caseload", content = @Content(schema = @Schema(implementation = MyCaseload.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid")
    @APIResponse(responseCode = "404", description = "The caller is not on the team as a link worker")
    public MyCaseload mine(@Parameter(description = "Only cases with this flag", schema = @Schema(enumeration = { "first-contact-late",
            "missed-two-in-a-row", "session-unrecorded", "follow-up-overdue", "consent-review-due" })) @QueryParam("flag") String flag,
            @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        CaseFlag only = query.oneOf("flag", flag, v -> Coded.fromCode(CaseFlag.class, v).orElse(null), Coded.codes(CaseFlag.class)).orElse(null);
        PageRequest page = paging.read(query);
        query.check();
        String pcn = caller.pcn();
        LinkWorker me = linkWorkers.byUsername(caller.name()).orElseThrow(() -> new NotFound("link-worker-not-found",
                "You are not on the team as a link worker; a lead or admin adds you under /api/caseload/link-workers"));
        Allocating.Load load = allocating.loads(me.pcnCode()).stream().filter(l -> l.worker().id().equals(me.id())).findFirst()
                .orElse(new Allocating.Load(me, 0, 0, 0));
        Map<String, Long> flagged = cases.flagCounts(me.pcnCode()).getOrDefault(me.id(), Map.of());
        Page<CaseView> mine = Page.of(cases.list(CaseViewer.linkWorker(pcn, me.id()), new CaseFilter(null, CaseStatus.OPEN, me.id(), null, only),
                page).map(CaseView::of), page, uri);
        return new MyCaseload(me.id(), me.displayName(), load.activeCases(), me.activeCaseCap(), load.takenOnThisYear(), me.yearlyCap(),
                flagged, mine);
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "Read a case",
            description = "The case with its status, allocation, flags, next session, last contact and plan version; ETag its version. A link worker reads their own and unassigned cases of their network, a lead their network's, admin all.")
    @APIResponse(responseCode = "200", description = "The case; ETag its version", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    public Response read(@PathParam("id") UUID id) {
        Case c = cases.read(id, caller.viewer());
        return Response.ok(CaseView.of(cases.summarise(c))).header(HttpHeaders.ETAG, Preconditions.etag(c.version())).build();
    }

    @POST
    @Path("/cases/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER_LEAD, Roles.ADMIN })
    @Operation(summary = "Assign or reassign a case by hand",
            description = "A lead (or admin) gives the case to a link worker of its PCN who has room. Needs If-Match. The place "
                    + "it frees goes to the waiting list at once. Emits case.assigned.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reassign.class),
            examples = @ExampleObject(name = "reassign", value = "{\"linkWorkerId\": \"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\"}")))
    @APIResponse(responseCode = "200", description = "Assigned", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Not a link worker of the case's PCN")
    @APIResponse(responseCode = "404", description = "No such case in your PCN")
    @APIResponse(responseCode = "409", description = "The link worker has no room, or the case is closed")
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response assign(@PathParam("id") UUID id, @NotNull(message = "a link worker is required") @Valid Reassign body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return idempotency.once(caller.name(), key, List.of("assign", id, version, body), () -> {
            Case c = changes.reassign(id, version, body.linkWorkerId(), caller.viewer());
            return Response.ok(CaseView.of(cases.summarise(c))).header(HttpHeaders.ETAG, Preconditions.etag(c.version())).build();
        });
    }

    @POST
    @Path("/cases/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a case with a coded reason",
            description = "The case's link worker, or a lead of its PCN. Needs If-Match. summary and nextSteps are written for the "
                    + "referrer and go in the closing message. Emits case.closed (referral-service then closes the referral and tells "
                    + "the referrer); the place freed goes to the waiting list at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Close.class),
            examples = @ExampleObject(name = "goals met", value = "{\"reason\": \"goals-met\", \"summary\": \"Came to six sessions; now "
                    + "walks with the Nidd Gorge group every week and feels less alone.\", \"nextSteps\": \"Would like help with a blue badge "
                    + "application; knows to contact us again.\"}")))
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "The reason is not one of the codes")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    @APIResponse(responseCode = "409", description = "The case is closed already")
    @APIResponse(responseCode = "412", description = "The case changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response close(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid Close body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return idempotency.once(caller.name(), key, List.of("close", id, version, body), () -> {
            Case c = changes.close(id, version, body.reason(), blankToNull(body.summary()), blankToNull(body.nextSteps()), caller.viewer());
            return Response.ok(CaseView.of(cases.summarise(c))).header(HttpHeaders.ETAG, Preconditions.etag(c.version())).build();
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> E byName(E[] values, String name) {
        return Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static <E extends Enum<E>> List<String> names(E[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
