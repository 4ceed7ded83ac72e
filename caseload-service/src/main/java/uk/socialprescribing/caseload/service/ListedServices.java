package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.domain.ListedService;
import uk.socialprescribing.caseload.repository.ListedServiceRepository;
import uk.socialprescribing.events.directory.ServiceCapacityChanged;
import uk.socialprescribing.events.directory.ServicePublished;
import uk.socialprescribing.events.directory.ServiceUpdated;
import uk.socialprescribing.events.directory.ServiceWithdrawn;

/**
 * The local copy of the directory that connections are checked against, applied from directory-events in the
 * consumer's transaction. Each change is an upsert, so an event that overtakes the service's publication still lands.
 */
@ApplicationScoped
public class ListedServices {

    private final ListedServiceRepository services;
    private final Clock clock;

    public ListedServices(ListedServiceRepository services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(ServicePublished e) {
        service(e.serviceId()).described(e.organisationId(), e.name(), e.categories(), e.publishedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(ServiceUpdated e) {
        service(e.serviceId()).described(e.organisationId(), e.name(), e.categories(), e.updatedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void capacityChanged(ServiceCapacityChanged e) {
        service(e.serviceId()).capacity(e.available(), e.maximum(), e.unit(), e.changedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(ServiceWithdrawn e) {
        service(e.serviceId()).withdrawn(e.reason(), e.withdrawnAt());
    }

    public Optional<ListedService> find(UUID id) {
        return services.findByIdOptional(id);
    }

    /** Open services of the copy, for demo data and suggestions: described, not withdrawn, by name. */
    public List<ListedService> open() {
        return services.open().stream().filter(s -> !s.categories().isEmpty()).toList();
    }

    private ListedService service(UUID id) {
        ListedService found = services.findById(id);
        if (found == null) {
            found = ListedService.heardOf(id, clock.instant());
            services.persist(found);
        }
        return found;
    }
}
