package uk.socialprescribing.web.pages;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateInstance;
import uk.socialprescribing.web.api.ApiProblem;
import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Directory;
import uk.socialprescribing.web.api.Referrals;

/**
 * Connections to community activities: the person's connections and where each stands, moved along suggested →
 * referred → attending → completed (or declined, or dropped out, with a coded reason); and finding an activity, by
 * words and category near where the person lives, or the directory's suggestions for them with the reasons for each.
 * Three calls a page: the case, the person, and the connections or the search (the categories are cached: they are the
 * same for everyone).
 */
@Path("/cases/{id}/connections")
@RolesAllowed({ SignedIn.LINK_WORKER, SignedIn.LEAD })
@Produces(MediaType.TEXT_HTML)
public class ConnectionsPage {

    static final Map<String, String> NOTICES = Map.of("connected", "Connection made: it is suggested to the person.", "moved",
            "Connection updated.");

    private final Caseload caseload;
    private final Referrals referrals;
    private final Directory directory;
    private final Categories categories;

    public ConnectionsPage(@RestClient Caseload caseload, @RestClient Referrals referrals, @RestClient Directory directory,
            Categories categories) {
        this.caseload = caseload;
        this.referrals = referrals;
        this.directory = directory;
        this.categories = categories;
    }

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return Pages.connections(header(id), caseload.connections(id), Form.empty(), done == null ? null : NOTICES.get(done), null);
    }

    @POST
    @Path("{connection}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") UUID id, @PathParam("connection") UUID connection, @RestForm String etag, @RestForm String status,
            @RestForm String reason, @RestForm String note) {
        Form form = new Form("move-" + connection).value("status", status).value("reason", reason).value("note", note);
        if (!Labels.CONNECTION_STATUSES.containsKey(status)) {
            form.error("status", "Select where the connection stands now");
        }
        boolean needsReason = "declined".equals(status) || "dropped-out".equals(status);
        if (needsReason && !Labels.CONNECTION_REASONS.containsKey(reason)) {
            form.error("reason", "Select why");
        }
        if (needsReason && "other".equals(reason) && (note == null || note.isBlank())) {
            form.error("note", "Say why in the note");
        }
        if (form.valid()) {
            try {
                caseload.move(id, connection, etag, new Caseload.ConnectionMove(status, needsReason ? reason : null,
                        Form.typed(note)));
                return Response.seeOther(URI.create("/cases/" + id + "/connections?done=moved")).build();
            } catch (ApiProblem problem) {
                problem.unlessAboutTheForm();
                if (problem.stale()) {
                    return Response.status(409).entity(Pages.connections(header(id), caseload.connections(id), Form.empty(), null,
                            "Someone else updated this connection since you opened the page. This is where it stands now: check it, "
                                    + "then update it again if it still needs it.")).build();
                }
                form.problem(problem, Map.of());
            }
        }
        return Response.status(400).entity(Pages.connections(header(id), caseload.connections(id), form, null, null)).build();
    }

    @GET
    @Path("find")
    public TemplateInstance find(@PathParam("id") UUID id, @QueryParam("q") String q, @QueryParam("category") String category,
            @QueryParam("page") Integer page) {
        CasePage.Header header = header(id);
        String words = Form.typed(q);
        String only = categories.named().containsKey(category) ? category : null;
        String postcode = header.referral().person() == null || header.referral().person().address() == null ? null
                : header.referral().person().address().postcode();
        if (words == null && only == null) {
            // nothing asked yet: the directory's suggestions for the person, near where they live
            List<Directory.Match> suggested = directory.match(new Directory.MatchRequest(List.of(), postcode, 10)).results();
            return Pages.findActivity(header, words, only, categories.named(), null, null, suggested, postcode);
        }
        Directory.Results found = directory.search(words, only, postcode, page == null || page < 1 ? 1 : page, 10);
        java.util.LinkedHashMap<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("q", words);
        filters.put("category", only);
        return Pages.findActivity(header, words, only, categories.named(), found.results(),
                Paging.of(found.results(), "/cases/" + id + "/connections/find", filters), List.of(), postcode);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connect(@PathParam("id") UUID id, @RestForm String service, @RestForm String category, @RestForm String once) {
        UUID serviceId;
        try {
            serviceId = UUID.fromString(service);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Response.seeOther(URI.create("/cases/" + id + "/connections/find")).build();
        }
        try {
            caseload.connect(id, Form.once(once), new Caseload.NewConnection(serviceId, Form.typed(category), "suggested"));
        } catch (ApiProblem problem) {
            problem.unlessAboutTheForm();
            if (problem.status() >= 500) {
                throw problem;
            }
            return Response.status(400).entity(Pages.connections(header(id), caseload.connections(id),
                    Form.empty().problem(problem, Map.of()), null, null)).build();
        }
        return Response.seeOther(URI.create("/cases/" + id + "/connections?done=connected")).build();
    }

    private CasePage.Header header(UUID id) {
        return CasePage.Header.read(caseload, referrals, id);
    }

    /** The directory's activity categories (public, the same for everyone): read once an hour, not once a page. */
    @ApplicationScoped
    public static class Categories {

        private static final Duration KEPT = Duration.ofHours(1);

        private final Directory directory;
        private volatile Map<String, String> named = Map.of();
        private volatile Instant readAt = Instant.EPOCH;

        public Categories(@RestClient Directory directory) {
            this.directory = directory;
        }

        /** Code → name, in the directory's order. */
        public Map<String, String> named() {
            if (named.isEmpty() || readAt.plus(KEPT).isBefore(Instant.now())) {
                java.util.LinkedHashMap<String, String> read = new java.util.LinkedHashMap<>();
                directory.terms(200).contents().forEach(t -> read.put(t.code(), t.name()));
                named = java.util.Collections.unmodifiableMap(read);
                readAt = Instant.now();
            }
            return named;
        }
    }
}
