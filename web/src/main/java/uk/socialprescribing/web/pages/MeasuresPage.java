package uk.socialprescribing.web.pages;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.TemplateInstance;
import uk.socialprescribing.web.api.ApiProblem;
import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Outcomes;
import uk.socialprescribing.web.api.Referrals;

/**
 * A case's outcome measures: each scale over time as a chart with the line a meaningful improvement must reach and the
 * same figures as a table, and a questionnaire recorded item by item (ONS4 with its questions; the licensed ones by
 * item number unless the deploying organisation supplies their words). Three calls a page: the case, the person and the
 * measures.
 */
@Path("/cases/{id}/measures")
@RolesAllowed({ SignedIn.LINK_WORKER, SignedIn.LEAD })
@Produces(MediaType.TEXT_HTML)
public class MeasuresPage {

    private final Caseload caseload;
    private final Referrals referrals;
    private final Outcomes outcomes;
    private final Questionnaires questionnaires;

    public MeasuresPage(@RestClient Caseload caseload, @RestClient Referrals referrals, @RestClient Outcomes outcomes,
            Questionnaires questionnaires) {
        this.caseload = caseload;
        this.referrals = referrals;
        this.outcomes = outcomes;
        this.questionnaires = questionnaires;
    }

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Outcomes.CaseMeasures measures = outcomes.measures(id);
        return Pages.measures(header(id), ScaleChart.of(measures), measures.measurements().size(), questionnaires.all(),
                "recorded".equals(done) ? "Questionnaire recorded." : null);
    }

    @GET
    @Path("new")
    public Response blank(@PathParam("id") UUID id, @QueryParam("instrument") String instrument) {
        Questionnaires.Questionnaire q = questionnaires.of(instrument);
        if (q == null) {
            return Response.seeOther(URI.create("/cases/" + id + "/measures")).build();
        }
        return Response.ok(Pages.recordMeasure(header(id), q, Form.empty())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") UUID id, MultivaluedMap<String, String> sent) {
        Questionnaires.Questionnaire q = questionnaires.of(sent.getFirst("instrument"));
        if (q == null) {
            return Response.seeOther(URI.create("/cases/" + id + "/measures")).build();
        }
        Form form = new Form("record");
        String timepoint = sent.getFirst("timepoint");
        form.value("timepoint", timepoint);
        if (!Labels.TIMEPOINTS.containsKey(timepoint)) {
            form.error("timepoint", "Select when in the support the person answered");
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        Map<String, String> fields = new HashMap<>();
        for (Questionnaires.Item item : q.items()) {
            String answer = sent.getFirst(item.id());
            form.value(item.id(), answer);
            fields.put("answers." + item.id(), item.id());
            Integer score = q.answers().stream().filter(a -> Integer.toString(a.score()).equals(answer)).map(Questionnaires.Answer::score)
                    .findFirst().orElse(null);
            if (score == null) {
                form.error(item.id(), "Select the answer to question " + item.number());
            } else {
                answers.put(item.id(), score);
            }
        }
        String day = sent.getFirst("completed-day");
        String month = sent.getFirst("completed-month");
        String year = sent.getFirst("completed-year");
        form.value("completed-day", day).value("completed-month", month).value("completed-year", year);
        LocalDate completedOn = null;
        if (Form.typed(day) != null || Form.typed(month) != null || Form.typed(year) != null) {
            completedOn = Form.date(day, month, year);
            if (completedOn == null) {
                form.error("completed-day", "Enter the day the person answered as a real date, for example 27 11 2026, or leave it empty for today");
            }
        }
        if (form.valid()) {
            try {
                outcomes.record(Form.once(sent.getFirst("once")), new Outcomes.Recording(id, q.code(), timepoint, answers, completedOn));
                return Response.seeOther(URI.create("/cases/" + id + "/measures?done=recorded")).build();
            } catch (ApiProblem problem) {
                problem.unlessAboutTheForm();
                fields.put("completedOn", "completed-day");
                form.problem(problem, fields, Map.of("NotInTheFuture", "Enter a day that is not after today, or leave it empty for today",
                        "NotBeforeReferral", "Enter a day on or after the day the referral arrived"));
            }
        }
        return Response.status(400).entity(Pages.recordMeasure(header(id), q, form)).build();
    }

    private CasePage.Header header(UUID id) {
        return CasePage.Header.read(caseload, referrals, id);
    }
}
