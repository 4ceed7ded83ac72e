package uk.socialprescribing.web.pages;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.TemplateInstance;
import uk.socialprescribing.web.api.ApiProblem;
import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Referrals;

/**
 * The care and support plan: what matters to the person, the goals with their progress, the actions and who takes
 * them; written as a whole, each save a new version (with what changed), every version readable. Without JavaScript:
 * the form has the plan's goals and actions and two empty rows of each for new ones. A save over someone else's meanwhile
 * keeps what the person typed, shows what the plan now says, and lets them save again. Three calls a page: the case, the
 * person's name, the plan (or its versions, or one version).
 */
@Path("/cases/{id}/plan")
@RolesAllowed({ SignedIn.LINK_WORKER, SignedIn.LEAD })
@Produces(MediaType.TEXT_HTML)
public class PlanPage {

    static final int NEW_ROWS = 2;

    /** A goal as the form holds it (the target date as its three fields). */
    public record GoalRow(int index, String id, String description, String progress, String day, String month, String year) {
    }

    /** An action as the form holds it (its due date kept as it was: this form does not change it). */
    public record ActionRow(int index, String description, String owner, boolean done, String dueBy) {

        /** The due date as the page writes it, or empty. */
        public String due() {
            try {
                return dueBy.isBlank() ? "" : Formats.date(LocalDate.parse(dueBy));
            } catch (DateTimeException e) {
                return dueBy;
            }
        }
    }

    /** The plan as the form shows it. */
    public record Draft(String whatMatters, String plannedSessions, List<GoalRow> goals, List<ActionRow> actions, String changeSummary) {
    }

    private final Caseload caseload;
    private final Referrals referrals;

    public PlanPage(@RestClient Caseload caseload, @RestClient Referrals referrals) {
        this.caseload = caseload;
        this.referrals = referrals;
    }

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        CasePage.Header header = header(id);
        Current current = current(id);
        Draft draft = current.plan == null ? empty(header.referral().whatMatters()) : draftOf(current.plan);
        return Pages.plan(header, current.plan, current.etag, draft, Form.empty(), "saved".equals(done) ? "Plan saved." : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, MultivaluedMap<String, String> sent) {
        Form form = new Form("plan");
        Draft draft = read(sent);
        Caseload.PlanDraft plan = check(draft, form);
        String etag = Form.typed(sent.getFirst("etag"));
        if (form.valid()) {
            try {
                caseload.revise(id, etag, plan);
                return Response.seeOther(URI.create("/cases/" + id + "/plan?done=saved")).build();
            } catch (ApiProblem problem) {
                problem.unlessAboutTheForm();
                if (problem.stale() || problem.status() == 428) {
                    // someone saved a version meanwhile: keep what this person typed, show what the plan says now
                    CasePage.Header header = header(id);
                    Current current = current(id);
                    return Response.status(409).entity(Pages.plan(header, current.plan, current.etag, draft, form, null,
                            "Someone else saved a new version of this plan since you opened it. What it now says is shown below your "
                                    + "changes, which are kept: check them against it, then save again.")).build();
                }
                form.problem(problem, Map.of("plannedSessions", "planned-sessions", "changeSummary", "change-summary"));
            }
        }
        CasePage.Header header = header(id);
        Current current = current(id);
        return Response.status(400).entity(Pages.plan(header, current.plan, etag == null ? current.etag : etag, draft, form, null, null)).build();
    }

    @GET
    @Path("versions")
    public TemplateInstance versions(@PathParam("id") UUID id) {
        return Pages.planVersions(header(id), caseload.planVersions(id));
    }

    @GET
    @Path("versions/{version}")
    public TemplateInstance version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return Pages.planVersion(header(id), caseload.planVersion(id, version));
    }

    private record Current(Caseload.Plan plan, String etag) {
    }

    private Current current(UUID id) {
        try {
            RestResponse<Caseload.Plan> read = caseload.plan(id);
            return new Current(read.getEntity(), read.getHeaderString("ETag"));
        } catch (ApiProblem problem) {
            if (problem.status() == 404 && problem.problem().type() != null && problem.problem().type().endsWith("plan-not-found")) {
                return new Current(null, null);
            }
            throw problem;
        }
    }

    private CasePage.Header header(UUID id) {
        return CasePage.Header.read(caseload, referrals, id);
    }

    static Draft empty(String whatMatters) {
        List<GoalRow> goals = new ArrayList<>();
        List<ActionRow> actions = new ArrayList<>();
        for (int i = 0; i < NEW_ROWS; i++) {
            goals.add(new GoalRow(i, "", "", "not-started", "", "", ""));
            actions.add(new ActionRow(i, "", "person", false, ""));
        }
        return new Draft(whatMatters == null ? "" : whatMatters, "6", goals, actions, "");
    }

    static Draft draftOf(Caseload.Plan plan) {
        List<GoalRow> goals = new ArrayList<>();
        for (Caseload.Goal g : plan.goals()) {
            LocalDate t = g.targetDate();
            goals.add(new GoalRow(goals.size(), g.id(), g.description(), g.progress(), t == null ? "" : String.valueOf(t.getDayOfMonth()),
                    t == null ? "" : String.valueOf(t.getMonthValue()), t == null ? "" : String.valueOf(t.getYear())));
        }
        List<ActionRow> actions = new ArrayList<>();
        for (Caseload.Action a : plan.actions()) {
            actions.add(new ActionRow(actions.size(), a.description(), a.owner(), a.done(), a.dueBy() == null ? "" : a.dueBy().toString()));
        }
        for (int i = 0; i < NEW_ROWS; i++) {
            goals.add(new GoalRow(goals.size(), "", "", "not-started", "", "", ""));
            actions.add(new ActionRow(actions.size(), "", "person", false, ""));
        }
        return new Draft(plan.whatMatters(), String.valueOf(plan.plannedSessions()), goals, actions, "");
    }

    /** The form as sent: rows by their index, in order. */
    static Draft read(MultivaluedMap<String, String> sent) {
        List<GoalRow> goals = new ArrayList<>();
        for (int i = 0; sent.containsKey("goal-" + i + "-description"); i++) {
            String p = "goal-" + i + "-";
            goals.add(new GoalRow(i, value(sent, p + "id"), value(sent, p + "description"), value(sent, p + "progress"), value(sent, p + "day"),
                    value(sent, p + "month"), value(sent, p + "year")));
        }
        List<ActionRow> actions = new ArrayList<>();
        for (int i = 0; sent.containsKey("action-" + i + "-description"); i++) {
            String p = "action-" + i + "-";
            actions.add(new ActionRow(i, value(sent, p + "description"), value(sent, p + "owner"), "yes".equals(sent.getFirst(p + "done")),
                    value(sent, p + "due")));
        }
        return new Draft(value(sent, "what-matters"), value(sent, "planned-sessions"), goals, actions, value(sent, "change-summary"));
    }

    /** The plan to send, with each problem of the form named against its field; rows left empty are left out. */
    static Caseload.PlanDraft check(Draft draft, Form form) {
        if (draft.whatMatters().isBlank()) {
            form.error("what-matters", "Enter what matters to the person, in their own words");
        } else if (draft.whatMatters().length() > 4000) {
            form.error("what-matters", "What matters must be 4,000 characters or fewer");
        }
        Integer sessions = null;
        try {
            sessions = Integer.valueOf(draft.plannedSessions().strip());
        } catch (NumberFormatException e) {
            sessions = null;
        }
        if (sessions == null || sessions < 1 || sessions > 24) {
            form.error("planned-sessions", "Enter how many sessions are planned, from 1 to 24");
        }
        List<Caseload.Goal> goals = new ArrayList<>();
        for (GoalRow g : draft.goals()) {
            boolean dated = !(g.day().isBlank() && g.month().isBlank() && g.year().isBlank());
            if (g.description().isBlank()) {
                if (!g.id().isBlank() || dated) {
                    form.error("goal-" + g.index() + "-description", "Enter the goal, or clear its target date" + (g.id().isBlank() ? "" : " (to drop a goal, set it to no longer relevant)"));
                }
                continue;
            }
            if (!Labels.GOAL_PROGRESS.containsKey(g.progress())) {
                form.error("goal-" + g.index() + "-progress", "Select the goal's progress");
            }
            LocalDate target = null;
            if (dated) {
                target = Form.date(g.day(), g.month(), g.year());
                if (target == null) {
                    form.error("goal-" + g.index() + "-day", "Enter the goal's target date as a real date, for example 31 1 2027, or leave it empty");
                }
            }
            goals.add(new Caseload.Goal(g.id().isBlank() ? null : g.id(), g.description().strip(), g.progress(), target));
        }
        List<Caseload.Action> actions = new ArrayList<>();
        for (ActionRow a : draft.actions()) {
            if (a.description().isBlank()) {
                continue;
            }
            if (!Labels.ACTION_OWNERS.containsKey(a.owner())) {
                form.error("action-" + a.index() + "-owner", "Select who takes the action");
            }
            LocalDate due = null;
            try {
                due = a.dueBy().isBlank() ? null : LocalDate.parse(a.dueBy());
            } catch (DateTimeException e) {
                due = null;
            }
            actions.add(new Caseload.Action(a.description().strip(), a.owner(), due, a.done()));
        }
        if (draft.changeSummary().length() > 500) {
            form.error("change-summary", "What changed must be 500 characters or fewer");
        }
        return new Caseload.PlanDraft(draft.whatMatters().strip(), sessions, goals, actions, Form.typed(draft.changeSummary()));
    }

    private static String value(MultivaluedMap<String, String> sent, String name) {
        String value = sent.getFirst(name);
        return value == null ? "" : value;
    }
}
