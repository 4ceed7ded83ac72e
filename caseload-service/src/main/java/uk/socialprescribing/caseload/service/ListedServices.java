package uk.socialprescribing.caseload.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.domain.ListedService;
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

    private final EntityManager entityManager;

    public ListedServices(EntityManager entityManager) {
        this.entityManager = entityManager;
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
        return Optional.ofNullable(entityManager.find(ListedService.class, id));
    }

    /** Open services of the copy, for demo data and suggestions: described, not withdrawn, by name. */
    public List<ListedService> open() {
        return entityManager.createQuery("from ListedService s where s.organisationId is not null and s.withdrawnAt is null order by s.name, s.id",
                ListedService.class).getResultStream().filter(s -> !s.categories().isEmpty()).toList();
    }

    private ListedService service(UUID id) {
        ListedService found = entityManager.find(ListedService.class, id);
        if (found == null) {
            found = ListedService.heardOf(id, Instant.now());
            entityManager.persist(found);
        }
        return found;
    }
}
