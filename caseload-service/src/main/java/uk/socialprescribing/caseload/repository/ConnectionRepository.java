package uk.socialprescribing.caseload.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.ListedService;

/** Connections of cases to the directory's services. */
@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<Connection, UUID> {

    /** A connection with the service it is to. */
    public record WithService(Connection connection, ListedService service) {
    }

    private static final List<Connection.Status> OPEN = List.of(Connection.Status.SUGGESTED, Connection.Status.REFERRED,
            Connection.Status.ATTENDING);
    private static final List<Connection.Status> UNCONNECTED = List.of(Connection.Status.SUGGESTED, Connection.Status.DECLINED);

    /** Whether the case has a connection to the service that is suggested, referred or attending. */
    public boolean hasOpen(UUID caseId, UUID serviceId) {
        return count("caseId = ?1 and serviceId = ?2 and status in ?3", caseId, serviceId, OPEN) > 0;
    }

    /** The case's connections with their services, oldest first. */
    public List<WithService> ofCase(UUID caseId) {
        return getEntityManager().createQuery("select n, s from Connection n join ListedService s on s.id = n.serviceId "
                + "where n.caseId = :case order by n.madeAt, n.id", Object[].class)
                .setParameter("case", caseId).getResultList().stream()
                .map(row -> new WithService((Connection) row[0], (ListedService) row[1])).toList();
    }

    /** The case's connections that got past a suggestion and a decline, oldest first. */
    public List<Connection> connectedOf(UUID caseId) {
        return getEntityManager().createQuery("from Connection n where n.caseId = :case and n.status not in :unconnected "
                + "order by n.madeAt, n.id", Connection.class).setParameter("case", caseId)
                .setParameter("unconnected", UNCONNECTED).getResultList();
    }
}
