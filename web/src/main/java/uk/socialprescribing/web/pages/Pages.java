package uk.socialprescribing.web.pages;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Directory;
import uk.socialprescribing.web.api.Page;
import uk.socialprescribing.web.api.Referrals;

/** Every page's template and what it shows (templates/Pages/*.html, each inside templates/layout.html). */
@CheckedTemplate(basePath = "Pages", requireTypeSafeExpressions = false)
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance caseload(Caseload.MyCaseload caseload, List<CaseloadPage.Row> rows, String flag,
            Paging paging);

    public static native TemplateInstance triage(Page<Referrals.Summary> list, Paging paging, String overdue, String q, String notice);

    public static native TemplateInstance referral(Referrals.Referral referral, String etag, Form form, String warning);

    public static native TemplateInstance caseOverview(CasePage.View view, Form form, String notice, String warning);

    public static native TemplateInstance closeCase(CasePage.View view, Form form, String warning);

    public static native TemplateInstance plan(CasePage.Header view, Caseload.Plan current, String etag, PlanPage.Draft draft, Form form,
            String notice, String warning);

    public static native TemplateInstance planVersions(CasePage.Header view, List<Caseload.PlanVersionSummary> versions);

    public static native TemplateInstance planVersion(CasePage.Header view, Caseload.Plan plan);

    public static native TemplateInstance connections(CasePage.Header view, List<Caseload.Connection> connections, Form form, String notice,
            String warning);

    public static native TemplateInstance findActivity(CasePage.Header view, String q, String category, Map<String, String> categories,
            Page<Directory.Hit> results, Paging paging, List<Directory.Match> suggested, String postcode);

    public static native TemplateInstance measures(CasePage.Header view, List<ScaleChart> charts, int recorded,
            java.util.Collection<Questionnaires.Questionnaire> questionnaires, String notice);

    public static native TemplateInstance recordMeasure(CasePage.Header view, Questionnaires.Questionnaire q, Form form);

    public static native TemplateInstance reassign(CasePage.View view, Caseload.Team team, Form form, String warning);

    public static native TemplateInstance linkWorker(Caseload.LinkWorker worker, String etag, Form form, String notice, String warning);

    public static native TemplateInstance team(Caseload.Team team, Map<String, String> names);

    public static native TemplateInstance problem(String title, String message, int status);

    public static native TemplateInstance signedOut();

    public static native TemplateInstance about();

    /** The page for a form sent back without its session's token, or after its session ended. */
    public static Response expiredForm() {
        return problemPage(403, "This form has expired", "For your security, a form can only be sent from this service while you are "
                + "signed in. Go back, reload the page and send it again.");
    }

    /** An answer with this status whose page says, in words, what went wrong and what to do. */
    public static Response problemPage(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(problem(title, message, status)).build();
    }
}
