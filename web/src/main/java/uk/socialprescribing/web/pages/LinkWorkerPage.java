package uk.socialprescribing.web.pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

/**
 * A lead changes a link worker of their team: the name shown, the caps on their caseload, the languages they work in and
 * their working days. Raising a cap gives them waiting cases at once; lowering it takes none away (the page says so).
 */
@Path("/team/link-workers/{id}")
@RolesAllowed(SignedIn.LEAD)
@Produces(MediaType.TEXT_HTML)
public class LinkWorkerPage {

    private final Caseload caseload;

    public LinkWorkerPage(@RestClient Caseload caseload) {
        this.caseload = caseload;
    }

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        RestResponse<Caseload.LinkWorker> read = caseload.linkWorker(id);
        return Pages.linkWorker(read.getEntity(), read.getHeaderString("ETag"), filled(read.getEntity()),
                "changed".equals(done) ? "Changes saved." : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") UUID id, @RestForm String etag, @RestForm("display-name") String displayName,
            @RestForm("active-cap") String activeCap, @RestForm("yearly-cap") String yearlyCap, @RestForm String languages,
            @RestForm("day") List<String> days, @RestForm String lead) {
        Form form = new Form("change").value("display-name", displayName).value("active-cap", activeCap).value("yearly-cap", yearlyCap)
                .value("languages", languages).value("lead", lead);
        List<String> chosenDays = days == null ? List.of() : days.stream().filter(Labels.WORKING_DAYS::containsKey).distinct().toList();
        chosenDays.forEach(d -> form.value("day-" + d, d));
        String name = Form.typed(displayName);
        if (name == null) {
            form.error("display-name", "Enter the name the team sees");
        } else if (name.length() > 200) {
            form.error("display-name", "The name must be 200 characters or fewer");
        }
        Integer active = Form.wholeNumber(activeCap);
        if (active == null || active < 0 || active > 500) {
            form.error("active-cap", "Enter how many open cases they may hold at once, a whole number from 0 to 500");
        }
        Integer yearly = Form.wholeNumber(yearlyCap);
        if (yearly == null || yearly < 0 || yearly > 400) {
            form.error("yearly-cap", "Enter how many people they may take on in a year, a whole number from 0 to 400");
        }
        List<String> codes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String typed : Form.typed(languages) == null ? new String[0] : languages.split("[,;]")) {
            if (!typed.isBlank()) {
                String code = languageCode(typed.strip());
                if (code == null) {
                    unknown.add(typed.strip());
                } else if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        if (!unknown.isEmpty()) {
            form.error("languages", "We do not know the language " + String.join(", ", unknown) + ": enter its English name or its code, "
                    + "for example Polish or pl");
        } else if (codes.isEmpty()) {
            form.error("languages", "Enter at least one language they work in");
        } else if (codes.size() > 20) {
            form.error("languages", "Enter 20 languages or fewer");
        }
        if (chosenDays.isEmpty()) {
            form.error("day", "Select at least one working day");
        }
        if (form.valid()) {
            RestResponse<Caseload.LinkWorker> read = caseload.linkWorker(id);
            Caseload.LinkWorker now = read.getEntity();
            try {
                caseload.changeLinkWorker(id, etag, new Caseload.LinkWorkerDetails(now.username(), name, now.pcnCode(), now.practices(),
                        codes, chosenDays, active, yearly, "yes".equals(lead)));
                return Response.seeOther(URI.create("/team/link-workers/" + id + "?done=changed")).build();
            } catch (ApiProblem problem) {
                if (problem.stale()) {
                    RestResponse<Caseload.LinkWorker> again = caseload.linkWorker(id);
                    return Response.status(409).entity(Pages.linkWorker(again.getEntity(), again.getHeaderString("ETag"), filled(again.getEntity()),
                            null, "Someone else changed this link worker since you opened the page. This is how they are now: make your "
                                    + "change again if it is still needed.")).build();
                }
                problem.unlessAboutTheForm();
                form.problem(problem, Map.of("displayName", "display-name", "activeCaseCap", "active-cap", "yearlyCap", "yearly-cap",
                        "workingDays", "day"));
            }
        }
        RestResponse<Caseload.LinkWorker> read = caseload.linkWorker(id);
        return Response.status(400).entity(Pages.linkWorker(read.getEntity(), etag, form, null, null)).build();
    }

    /** The form as the link worker is now. */
    private static Form filled(Caseload.LinkWorker worker) {
        Form form = new Form("change").value("display-name", worker.displayName())
                .value("active-cap", Integer.toString(worker.activeCaseCap())).value("yearly-cap", Integer.toString(worker.yearlyCap()))
                .value("languages", worker.languages().stream().map(Labels::language).collect(Collectors.joining(", ")))
                .value("lead", worker.lead() ? "yes" : null);
        worker.workingDays().forEach(d -> form.value("day-" + d, d));
        return form;
    }

    /**
     * A language's code from its English name (Polish → pl) or a language tag as the API takes it (pl, en-GB, or one
     * this page does not name, shown back as the code), or null for neither.
     */
    static String languageCode(String typed) {
        for (String code : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK).equalsIgnoreCase(typed)) {
                return code;
            }
        }
        int dash = typed.indexOf('-');
        String tag = dash < 0 ? typed.toLowerCase(Locale.ROOT) : typed.substring(0, dash).toLowerCase(Locale.ROOT) + typed.substring(dash);
        return tag.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? tag : null;
    }
}
