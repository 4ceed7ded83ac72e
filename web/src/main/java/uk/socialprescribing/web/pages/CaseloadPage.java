package uk.socialprescribing.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.TemplateInstance;
import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Referrals;

/**
 * My caseload: the link worker's open cases, oldest first, each with the person's name, its flags, its next session
 * and the sessions held against the plan; their load against their caps. Two calls to the gateway, whatever the page's
 * length: the caseload, and the names of its people in one list request.
 */
@Path("/caseload")
@RolesAllowed({ SignedIn.LINK_WORKER, SignedIn.LEAD })
@Produces(MediaType.TEXT_HTML)
public class CaseloadPage {

    /** A case as the list shows it, with the person's name from the referral. */
    public record Row(Caseload.Case c, String name) {
    }

    private final Caseload caseload;
    private final Referrals referrals;

    public CaseloadPage(@RestClient Caseload caseload, @RestClient Referrals referrals) {
        this.caseload = caseload;
        this.referrals = referrals;
    }

    @GET
    public TemplateInstance show(@QueryParam("flag") String flag, @QueryParam("page") Integer page) {
        String only = Labels.FLAGS.containsKey(flag) ? flag : null;
        Caseload.MyCaseload mine = caseload.mine(only, page == null || page < 1 ? 1 : page, Paging.SIZE);
        List<Caseload.Case> cases = mine.cases().contents();
        Map<UUID, String> names = names(referrals, cases.stream().map(Caseload.Case::referralId).toList());
        List<Row> rows = cases.stream().map(c -> new Row(c, names.getOrDefault(c.referralId(), "Name not available"))).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("flag", only);
        return Pages.caseload(mine, rows, only, Paging.of(mine.cases(), "/caseload", filters));
    }

    /** The names of the people of these referrals, in one request. */
    static Map<UUID, String> names(Referrals referrals, List<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return referrals.list(null, null, null, null, distinct, 1, distinct.size()).contents().stream()
                .collect(Collectors.toMap(Referrals.Summary::id, Referrals.Summary::personName, (a, b) -> a));
    }
}
