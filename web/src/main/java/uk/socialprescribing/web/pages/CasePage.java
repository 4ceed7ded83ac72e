package uk.socialprescribing.web.pages;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
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
import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Referrals;

/**
 * A case: the person (the read is recorded, and the page says so), what matters to them and their risks, the sessions
 * (book one; record one as attended, did not attend or cancelled), and closing the case with a coded reason. Three calls
 * to the gateway: the case, its referral, its sessions.
 */
@Path("/cases/{id}")
@RolesAllowed({ SignedIn.LINK_WORKER, SignedIn.LEAD })
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    /** What a finished change says on the next page (codes in the address, the words here). */
    static final Map<String, String> NOTICES = Map.of(
            "accepted", "Referral accepted. The case is on your caseload.",
            "scheduled", "Session booked.",
            "recorded", "Session recorded.",
            "closed", "Case closed. The referrer will be told, where the person agreed to it.", "reassigned",
            "Case reassigned: it is in the new link worker's caseload now.");

    /** What every page of a case shows at its top: the case, and the person from its referral (two calls). */
    public record Header(Caseload.Case c, Referrals.Referral referral) {

        public String name() {
            return referral.name();
        }

        static Header read(Caseload caseload, Referrals referrals, UUID id) {
            Caseload.Case c = caseload.read(id).getEntity();
            return new Header(c, referrals.read(c.referralId()).getEntity());
        }
    }

    /** A case as its pages show it. */
    public record View(Caseload.Case c, String etag, Referrals.Referral referral, List<Caseload.Session> sessions) {

        public String name() {
            return referral.name();
        }

        public List<Caseload.Session> toRecord() {
            return sessions.stream().filter(s -> s.outcome() == null).sorted(Comparator.comparing(Caseload.Session::scheduledFor)).toList();
        }

        public List<Caseload.Session> recorded() {
            return sessions.stream().filter(s -> s.outcome() != null).sorted(Comparator.comparing(Caseload.Session::scheduledFor).reversed())
                    .toList();
        }
    }

    private final Caseload caseload;
    private final Referrals referrals;

    public CasePage(@RestClient Caseload caseload, @RestClient Referrals referrals) {
        this.caseload = caseload;
        this.referrals = referrals;
    }

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return Pages.caseOverview(view(id, true), Form.empty(), done == null ? null : NOTICES.get(done), null);
    }

    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(@PathParam("id") UUID id, @RestForm String kind, @RestForm String mode, @RestForm String day,
            @RestForm String month, @RestForm String year, @RestForm String time, @RestForm String duration, @RestForm String once) {
        Form form = new Form("schedule").value("kind", kind).value("mode", mode).value("day", day).value("month", month)
                .value("year", year).value("time", time).value("duration", duration);
        if (!Labels.SESSION_KINDS.containsKey(kind)) {
            form.error("kind", "Select the kind of session");
        }
        if (!Labels.SESSION_MODES.containsKey(mode)) {
            form.error("mode", "Select how you will meet");
        }
        LocalDate date = Form.date(day, month, year);
        if (date == null) {
            form.error("day", "Enter the session's date, for example 15 12 2026");
        }
        LocalTime at = null;
        try {
            at = LocalTime.parse(time == null ? "" : time.strip().length() == 4 ? "0" + time.strip() : time.strip());
        } catch (DateTimeParseException e) {
            form.error("time", "Enter the time, for example 14:30");
        }
        Integer minutes = Form.wholeNumber(duration);
        if (minutes == null || minutes < 5 || minutes > 480) {
            form.error("duration", "Enter how long it is planned for, in minutes, from 5 to 480");
        }
        if (form.valid()) {
            try {
                caseload.schedule(id, Form.once(once), new Caseload.NewSession(kind, mode, date.atTime(at).atZone(Formats.ENGLAND).toInstant(), minutes));
                return Response.seeOther(URI.create("/cases/" + id + "?done=scheduled")).build();
            } catch (ApiProblem problem) {
                return again(id, form.problem(problem, Map.of("scheduledFor", "day", "durationMinutes", "duration"), Map.of(
                        "NotBeforeReferral", "Enter a date and time after the referral arrived")), problem);
            }
        }
        return Response.status(400).entity(Pages.caseOverview(view(id, true), form, null, null)).build();
    }

    @POST
    @Path("sessions/{session}/record")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") UUID id, @PathParam("session") UUID session, @RestForm String etag, @RestForm String outcome,
            @RestForm String duration, @RestForm String notes) {
        Form form = new Form("record-" + session).value("outcome", outcome).value("record-duration", duration).value("notes", notes);
        if (!Labels.SESSION_OUTCOMES.containsKey(outcome)) {
            form.error("outcome", "Select what happened");
        }
        Integer minutes = duration == null || duration.isBlank() ? null : Form.wholeNumber(duration);
        if (duration != null && !duration.isBlank() && (minutes == null || minutes < 5 || minutes > 480)) {
            form.error("record-duration", "Enter how long it took, in minutes, from 5 to 480, or leave it empty if as planned");
        }
        if (notes != null && notes.length() > 4000) {
            form.error("notes", "Notes must be 4,000 characters or fewer");
        }
        if (form.valid()) {
            try {
                caseload.record(id, session, etag, new Caseload.SessionRecord(outcome, minutes, Form.typed(notes)));
                return Response.seeOther(URI.create("/cases/" + id + "?done=recorded")).build();
            } catch (ApiProblem problem) {
                return again(id, form.problem(problem, Map.of("durationMinutes", "record-duration"), Map.of("NotBeforeScheduledTime",
                        "A session can be recorded as attended or not attended once its time has come; until then it can only be cancelled")),
                        problem);
            }
        }
        return Response.status(400).entity(Pages.caseOverview(view(id, true), form, null, null)).build();
    }

    @GET
    @Path("close")
    public TemplateInstance closing(@PathParam("id") UUID id) {
        return Pages.closeCase(view(id, false), Form.empty(), null);
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, @RestForm String etag, @RestForm String reason, @RestForm String summary,
            @RestForm String nextSteps) {
        Form form = new Form("close").value("reason", reason).value("summary", summary).value("next-steps", nextSteps);
        if (!Labels.CLOSURE_REASONS.containsKey(reason)) {
            form.error("reason", "Select why the case is closing");
        }
        if (summary != null && summary.length() > 1000) {
            form.error("summary", "The summary must be 1,000 characters or fewer");
        }
        if (nextSteps != null && nextSteps.length() > 1000) {
            form.error("next-steps", "Next steps must be 1,000 characters or fewer");
        }
        if (form.valid()) {
            try {
                caseload.close(id, etag, new Caseload.Close(reason, Form.typed(summary), Form.typed(nextSteps)));
                return Response.seeOther(URI.create("/cases/" + id + "?done=closed")).build();
            } catch (ApiProblem problem) {
                if (problem.stale()) {
                    return Response.status(409).entity(Pages.closeCase(view(id, false), form, "Someone else changed this case since you "
                            + "opened it. This is how it is now: check it, then close it again if it should still close.")).build();
                }
                problem.unlessAboutTheForm();
                form.problem(problem, Map.of("nextSteps", "next-steps"));
            }
        }
        return Response.status(400).entity(Pages.closeCase(view(id, false), form, null)).build();
    }

    /** The case page again after the API refused a change: stale, with the case as it is now; else the problem in words. */
    private Response again(UUID id, Form form, ApiProblem problem) {
        problem.unlessAboutTheForm();
        String warning = problem.stale() ? "Someone else changed this session since you opened the page. This is how it is now: "
                + "check it, then record it again if it still needs recording." : null;
        return Response.status(problem.stale() ? 409 : problem.status() >= 500 ? 502 : 400)
                .entity(Pages.caseOverview(view(id, true), problem.stale() ? Form.empty() : form, null, warning)).build();
    }

    @GET
    @Path("reassign")
    @RolesAllowed(SignedIn.LEAD)
    public TemplateInstance reassigning(@PathParam("id") UUID id) {
        return Pages.reassign(view(id, false), caseload.team(), Form.empty(), null);
    }

    /** A lead gives the case to another link worker of the network who has room. */
    @POST
    @Path("reassign")
    @RolesAllowed(SignedIn.LEAD)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("id") UUID id, @RestForm String etag, @RestForm String worker) {
        Form form = new Form("reassign").value("worker", worker);
        UUID to = null;
        try {
            to = UUID.fromString(worker);
        } catch (IllegalArgumentException | NullPointerException e) {
            form.error("worker", "Select the link worker to give the case to");
        }
        if (form.valid()) {
            try {
                caseload.assign(id, etag, new Caseload.Reassign(to));
                return Response.seeOther(URI.create("/cases/" + id + "?done=reassigned")).build();
            } catch (ApiProblem problem) {
                if (problem.stale()) {
                    return Response.status(409).entity(Pages.reassign(view(id, false), caseload.team(), form, "Someone else changed this "
                            + "case since you opened it. This is how it is now: check who has it, then reassign it again if it still "
                            + "needs it.")).build();
                }
                problem.unlessAboutTheForm();
                if (problem.status() == 409 || problem.status() == 400) {
                    form.error("worker", problem.problem().detail() != null ? Form.capitalise(problem.problem().detail())
                            : "That link worker cannot take the case: choose another");
                } else {
                    form.problem(problem, Map.of("linkWorkerId", "worker"));
                }
            }
        }
        return Response.status(400).entity(Pages.reassign(view(id, false), caseload.team(), form, null)).build();
    }

    private View view(UUID id, boolean withSessions) {
        RestResponse<Caseload.Case> read = caseload.read(id);
        Caseload.Case c = read.getEntity();
        Referrals.Referral referral = referrals.read(c.referralId()).getEntity();
        return new View(c, read.getHeaderString("ETag"), referral, withSessions ? caseload.sessions(id) : List.of());
    }

}
