package uk.socialprescribing.caseload.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import uk.socialprescribing.caseload.config.CaseloadConfig;
import uk.socialprescribing.caseload.domain.LinkWorker;

/**
 * Local demo data: the demo realm's link workers and lead (same usernames), on the first start with
 * {@code caseload.demo-data.enabled=true}. The Knaresborough and Nidderdale PCN has one part-time link worker with a
 * small cap, so that its demo referrals make a waiting list.
 */
@ApplicationScoped
public class DemoTeam {

    private static final Logger LOG = Logger.getLogger(DemoTeam.class);

    static final List<LinkWorker.Profile> TEAM = List.of(
            new LinkWorker.Profile("amara.okafor", "Amara Okafor", "U84002", List.of(), List.of("en", "yo"),
                    List.of("mon", "tue", "wed", "thu"), 40, 225, false),
            new LinkWorker.Profile("tom.hardcastle", "Tom Hardcastle", "U84002", List.of(), List.of("en", "pl"),
                    List.of("tue", "wed", "thu", "fri"), 40, 225, false),
            new LinkWorker.Profile("priya.shah", "Priya Shah", "U84002", List.of(), List.of("en", "pa", "hi"),
                    List.of("mon", "fri"), 10, 60, true),
            new LinkWorker.Profile("dev.mistry", "Dev Mistry", "U84005", List.of(), List.of("en", "gu"),
                    List.of("mon", "wed"), 2, 100, false));

    void onStart(@Observes StartupEvent start, CaseloadConfig config, LinkWorkers linkWorkers) {
        if (!config.demoData().enabled() || linkWorkers.byUsername("amara.okafor").isPresent()) {
            return;
        }
        TEAM.forEach(linkWorkers::add);
        LOG.infof("Loaded %d demo link workers", TEAM.size());
    }

}
