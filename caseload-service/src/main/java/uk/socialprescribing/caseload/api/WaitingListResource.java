package uk.socialprescribing.caseload.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.service.Allocating;
import uk.socialprescribing.problem.Problem;

@Path("/api/caseload/waiting-list")
@Tag(name = "Waiting list")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "link-worker-lead", "admin" })
public class WaitingListResource {

    static final int THROUGHPUT_DAYS = 28;

    @Schema(name = "WaitingList", description = "A PCN's waiting list, in the order cases are served")
    public record WaitingList(String pcnCode, int length,
            @Schema(description = "Cases assigned in the PCN over the last 28 days, per week") double assignedPerWeek,
            @Schema(description = "Forecast wait in days for a routine referral accepted now, from recent throughput; "
                    + "absent when nothing was assigned lately") Long forecastWaitDays,
            List<Entry> cases) {
    }

    @Schema(name = "WaitingListEntry")
    public record Entry(int position, UUID caseId, UUID referralId, String urgency, Instant waitingSince, long daysWaiting) {
    }

    private final Allocating allocating;
    private final EntityManager entityManager;
    private final Team team;

    public WaitingListResource(Allocating allocating, EntityManager entityManager, Team team) {
        this.allocating = allocating;
        this.entityManager = entityManager;
        this.team = team;
    }

    @GET
    @Operation(summary = "The waiting list of a PCN",
            description = "For leads (their PCN) and admin (pcn): its length, each case's wait so far, and a forecast of the "
                    + "wait for a new referral from the last 28 days' assignments.")
    @APIResponse(responseCode = "200", description = "The waiting list", content = @Content(schema = @Schema(implementation = WaitingList.class)))
    @APIResponse(responseCode = "403", description = "Another PCN's list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WaitingList read(@Parameter(description = "The PCN (admin); leads see their own", example = "U84002") @QueryParam("pcn") String pcn) {
        String pcnCode = pcn == null || pcn.isBlank() ? team.pcn() : pcn.strip();
        team.requireReaderOf(pcnCode);
        Instant now = Instant.now();
        List<Case> waiting = allocating.waitingIn(pcnCode);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            Case c = waiting.get(i);
            entries.add(new Entry(i + 1, c.id(), c.referralId(), c.urgency(), c.waitlistedAt(),
                    Duration.between(c.waitlistedAt(), now).toDays()));
        }
        long assigned = ((Number) entityManager.createNativeQuery(
                "select count(*) from care_case where pcn_code = :pcn and assigned_at > :since")
                .setParameter("pcn", pcnCode).setParameter("since", now.minus(Duration.ofDays(THROUGHPUT_DAYS)))
                .getSingleResult()).longValue();
        double perDay = assigned / (double) THROUGHPUT_DAYS;
        // a routine referral accepted now is served after everyone waiting
        Long forecast = perDay == 0 ? null : (long) Math.ceil((waiting.size() + 1) / perDay);
        return new WaitingList(pcnCode, waiting.size(), Math.round(perDay * 7 * 10) / 10.0, forecast, entries);
    }
}
