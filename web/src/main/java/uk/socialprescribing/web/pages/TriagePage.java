package uk.socialprescribing.web.pages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.TemplateInstance;
import uk.socialprescribing.web.api.ApiProblem;
import uk.socialprescribing.web.api.Page;
import uk.socialprescribing.web.api.Referrals;

/**
 * Triage: the network's referrals waiting for a decision, the most overdue first, and a referral's own page, where a
 * link worker reads it and accepts, declines with a coded reason, or redirects it. A decision sends back the version
 * read (If-Match): if someone else decided meanwhile, the page says so and shows the referral as it is now.
 */
@Path("/")
@RolesAllowed({ SignedIn.LINK_WORKER, SignedIn.LEAD })
@Produces(MediaType.TEXT_HTML)
public class TriagePage {

    /** What a finished decision says on the next page: codes in the address, the words here (no personal data in URLs). */
    static final Map<String, String> NOTICES = Map.of(
            "accepted-waiting", "Referral accepted. The network's link workers are full: the case is on the waiting list.",
            "accepted-elsewhere", "Referral accepted and allocated to another link worker of the network.",
            "accepted-pending", "Referral accepted. Its case is being allocated: it will be on a caseload within a minute.",
            "declined", "Referral declined. The referrer has been told why.",
            "redirected", "Referral redirected. The referrer has been told where it went.");

    private final Referrals referrals;
    private final SignedIn user;

    public TriagePage(@RestClient Referrals referrals, SignedIn user) {
        this.referrals = referrals;
        this.user = user;
    }

    @GET
    @Path("triage")
    public TemplateInstance list(@QueryParam("overdue") String overdue, @QueryParam("page") Integer page, @QueryParam("done") String done) {
        return waiting(overdue, null, page, done == null ? null : NOTICES.get(done));
    }

    /**
     * Finding a referral by a name, an NHS number or a self-referral reference: sent in a form's body, never in the
     * address (which browsers keep in their history and servers in their logs).
     */
    @POST
    @Path("triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance find(@RestForm String q, @RestForm String overdue) {
        return waiting(overdue, q == null || q.strip().length() < 2 ? null : q.strip(), 1, null);
    }

    private TemplateInstance waiting(String overdue, String search, Integer page, String notice) {
        Boolean onlyOverdue = "true".equals(overdue) ? Boolean.TRUE : null;
        Page<Referrals.Summary> waiting = referrals.list("RECEIVED", "due", onlyOverdue, search, null, page == null || page < 1 ? 1 : page,
                Paging.SIZE);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("overdue", onlyOverdue == null ? null : "true");
        // a search's results are one page: its words stay out of the address
        Paging paging = Paging.of(waiting, "/triage", filters);
        return Pages.triage(waiting, search == null ? paging : new Paging(1, 1, waiting.totalItems(), waiting.size(), null, null),
                onlyOverdue == null ? null : "true", search, notice);
    }

    @GET
    @Path("referrals/{id}")
    public TemplateInstance show(@PathParam("id") UUID id) {
        return page(id, Form.empty(), null);
    }

    @POST
    @Path("referrals/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") UUID id, @RestForm String etag) {
        try {
            Referrals.Referral accepted = referrals.accept(id, etag, "wait=5");
            Referrals.CaseAllocation allocation = accepted.caseAllocation();
            boolean allocated = allocation != null && "allocated".equals(allocation.status()) && allocation.caseId() != null;
            if (allocated && user.displayName().equals(allocation.linkWorker())) {
                return Response.seeOther(URI.create("/cases/" + allocation.caseId() + "?done=accepted")).build();
            }
            String done = allocated ? "accepted-elsewhere"
                    : allocation == null || "pending".equals(allocation.status()) ? "accepted-pending" : "accepted-waiting";
            return Response.seeOther(URI.create("/triage?done=" + done)).build();
        } catch (ApiProblem problem) {
            return again(id, new Form("accept"), problem);
        }
    }

    @POST
    @Path("referrals/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") UUID id, @RestForm String etag, @RestForm String reason, @RestForm String note) {
        Form form = new Form("decline").value("reason", reason).value("decline-note", note);
        if (reason == null || !Labels.DECLINE_REASONS.containsKey(reason)) {
            form.error("reason", "Select why the referral is declined");
        }
        if ("other".equals(reason) && Form.typed(note) == null) {
            form.error("decline-note", "Say why in the note");
        }
        if (!form.valid()) {
            return Response.status(400).entity(page(id, form, null)).build();
        }
        try {
            referrals.decline(id, etag, new Referrals.Decline(reason, Form.typed(note)));
            return Response.seeOther(URI.create("/triage?done=declined")).build();
        } catch (ApiProblem problem) {
            return again(id, form, problem);
        }
    }

    @POST
    @Path("referrals/{id}/redirect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redirect(@PathParam("id") UUID id, @RestForm String etag, @RestForm String to, @RestForm String note) {
        Form form = new Form("redirect").value("to", to).value("redirect-note", note);
        if (Form.typed(to) == null) {
            form.error("to", "Enter the service or organisation it goes to");
        }
        if (!form.valid()) {
            return Response.status(400).entity(page(id, form, null)).build();
        }
        try {
            referrals.redirect(id, etag, new Referrals.Redirect(to.strip(), null, Form.typed(note)));
            return Response.seeOther(URI.create("/triage?done=redirected")).build();
        } catch (ApiProblem problem) {
            return again(id, form, problem);
        }
    }

    /** The referral's page again after the API refused a decision: stale, the referral as it is now; else the problem in words. */
    private Response again(UUID id, Form form, ApiProblem problem) {
        if (problem.stale()) {
            return Response.status(409).entity(page(id, form, "Someone else changed this referral since you opened it. "
                    + "This is how it is now: check it, and decide again if it still needs deciding.")).build();
        }
        problem.unlessAboutTheForm();
        form.problem(problem, Map.of("note", form.is("decline") ? "decline-note" : "redirect-note"));
        return Response.status(problem.status() >= 500 ? 502 : 400).entity(page(id, form, null)).build();
    }

    private TemplateInstance page(UUID id, Form form, String stale) {
        RestResponse<Referrals.Referral> read = referrals.read(id);
        return Pages.referral(read.getEntity(), read.getHeaderString("ETag"), form, stale);
    }
}
