package uk.socialprescribing.web.pages;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.TemplateInstance;
import uk.socialprescribing.web.api.Caseload;
import uk.socialprescribing.web.api.Referrals;

/**
 * The lead's team: each link worker's load against their caps (a bar and the figures), the flags on their cases, and
 * the network's waiting list with each person's wait and the forecast. Two calls: the team, and the waiting people's
 * names in one list request.
 */
@Path("/team")
@RolesAllowed(SignedIn.LEAD)
@Produces(MediaType.TEXT_HTML)
public class TeamPage {

    private final Caseload caseload;
    private final Referrals referrals;

    public TeamPage(@RestClient Caseload caseload, @RestClient Referrals referrals) {
        this.caseload = caseload;
        this.referrals = referrals;
    }

    @GET
    public TemplateInstance show() {
        Caseload.Team team = caseload.team();
        List<UUID> waiting = team.waitingList() == null ? List.of()
                : team.waitingList().cases().stream().limit(Referrals.MAX_IDS).map(Caseload.WaitingEntry::referralId).toList();
        Map<UUID, String> names = CaseloadPage.names(referrals, waiting);
        return Pages.team(team, names.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
    }
}
