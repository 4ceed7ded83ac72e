package uk.socialprescribing.directory.oruk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import uk.socialprescribing.directory.oruk.OrukModel.Address;
import uk.socialprescribing.directory.oruk.OrukModel.Attribute;
import uk.socialprescribing.directory.oruk.OrukModel.CostOption;
import uk.socialprescribing.directory.oruk.OrukModel.Location;
import uk.socialprescribing.directory.oruk.OrukModel.Organization;
import uk.socialprescribing.directory.oruk.OrukModel.Page;
import uk.socialprescribing.directory.oruk.OrukModel.Schedule;
import uk.socialprescribing.directory.oruk.OrukModel.Service;
import uk.socialprescribing.directory.oruk.OrukModel.ServiceAtLocation;
import uk.socialprescribing.directory.oruk.OrukModel.ServiceCapacity;
import uk.socialprescribing.directory.oruk.OrukModel.Taxonomy;
import uk.socialprescribing.directory.oruk.OrukModel.TaxonomyTerm;

/**
 * Reads the directory as Open Referral UK 3.0 objects. A page is a fixed number of queries whatever its size: one for
 * the count, one for the rows; a full service is one query per related table.
 */
@ApplicationScoped
public class OrukReads {

    /** The /services filters, each optional. */
    public record ServiceFilter(String search, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId, Integer minimumAge,
            Integer maximumAge, String day, LocalTime startTime, LocalTime endTime, Instant modifiedAfter) {
    }

    /** What the feed shows: approved listings that have not been withdrawn. */
    static final String PUBLIC = "s.moderation = 'approved' and s.withdrawn_at is null";

    /** The county the demo area lies in: ORUK addresses need a state_province. */
    static final String REGION = "North Yorkshire";

    /** Dates and times are read as ISO text, so that no driver's choice of Java type matters. */
    private static final String SERVICE_COLUMNS = "s.id, s.organization_id, s.name, s.description, s.status, s.minimum_age, "
            + "s.maximum_age, s.assured_date::text as assured_date, "
            + "to_char(s.last_modified at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as last_modified, "
            + "o.name as org_name, o.description as org_description";

    private final EntityManager entityManager;

    public OrukReads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Page<Service> services(ServiceFilter filter, int page, int perPage) {
        StringBuilder where = new StringBuilder(" where " + PUBLIC);
        Map<String, Object> parameters = new HashMap<>();
        if (filter.search() != null) {
            where.append(" and (s.name ilike :search escape '\\' or s.description ilike :search escape '\\')");
            parameters.put("search", "%" + filter.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.taxonomyTermId() != null) {
            where.append(" and s.category in (select code from taxonomy_term where id = :term or parent_id = :term)");
            parameters.put("term", filter.taxonomyTermId());
        }
        if (filter.taxonomyId() != null) {
            where.append(" and s.category in (select code from taxonomy_term where taxonomy_id = :taxonomy)");
            parameters.put("taxonomy", filter.taxonomyId());
        }
        if (filter.organizationId() != null) {
            where.append(" and s.organization_id = :organization");
            parameters.put("organization", filter.organizationId());
        }
        if (filter.minimumAge() != null) {
            where.append(" and s.minimum_age >= :minimumAge");
            parameters.put("minimumAge", filter.minimumAge());
        }
        if (filter.maximumAge() != null) {
            where.append(" and s.maximum_age <= :maximumAge");
            parameters.put("maximumAge", filter.maximumAge());
        }
        if (filter.day() != null || filter.startTime() != null || filter.endTime() != null) {
            where.append(" and exists (select 1 from schedule sc where sc.service_id = s.id");
            if (filter.day() != null) {
                where.append(" and sc.byday = :day");
                parameters.put("day", filter.day());
            }
            if (filter.startTime() != null) {
                where.append(" and sc.opens_at >= :startTime");
                parameters.put("startTime", filter.startTime());
            }
            if (filter.endTime() != null) {
                where.append(" and sc.closes_at <= :endTime");
                parameters.put("endTime", filter.endTime());
            }
            where.append(")");
        }
        if (filter.modifiedAfter() != null) {
            where.append(" and s.last_modified > :modifiedAfter");
            parameters.put("modifiedAfter", filter.modifiedAfter());
        }
        String from = " from service s join organization o on o.id = s.organization_id" + where;
        Query count = entityManager.createNativeQuery("select count(*)" + from);
        Query rows = entityManager.createNativeQuery("select " + SERVICE_COLUMNS + from + " order by s.name, s.id", Tuple.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Service> services = new ArrayList<>();
        if (total > 0) {
            for (Object row : rows.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList()) {
                services.add(basic((Tuple) row));
            }
        }
        return Page.of(services, total, page, perPage);
    }

    /** A service with everything ORUK's full view holds. */
    public Optional<Service> service(UUID id) {
        List<?> found = entityManager.createNativeQuery("select " + SERVICE_COLUMNS
                + ", s.category, s.capacity_available, s.capacity_maximum from service s join organization o on o.id = s.organization_id "
                + "where s.id = :id and " + PUBLIC, Tuple.class).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = (Tuple) found.get(0);
        Service basic = basic(row);
        List<Schedule> schedules = new ArrayList<>();
        for (Object o : entityManager.createNativeQuery("select id, freq, byday, to_char(opens_at, 'HH24:MI:SS'), to_char(closes_at, 'HH24:MI:SS'), description from schedule "
                + "where service_id = :id order by byday, opens_at, id", Tuple.class).setParameter("id", id).getResultList()) {
            Tuple t = (Tuple) o;
            schedules.add(new Schedule((UUID) t.get(0), id, (String) t.get(1), (String) t.get(2), (String) t.get(3), (String) t.get(4),
                    (String) t.get(5)));
        }
        List<CostOption> costs = new ArrayList<>();
        for (Object o : entityManager.createNativeQuery("select id, option, amount, currency, amount_description from cost_option "
                + "where service_id = :id order by amount, id", Tuple.class).setParameter("id", id).getResultList()) {
            Tuple t = (Tuple) o;
            costs.add(new CostOption((UUID) t.get(0), id, (String) t.get(1), (BigDecimal) t.get(2), ((String) t.get(3)).strip(),
                    (String) t.get(4)));
        }
        List<ServiceAtLocation> places = new ArrayList<>();
        for (Object o : entityManager.createNativeQuery("select sal.id, " + LOCATION_COLUMNS + " from service_at_location sal "
                + "join location l on l.id = sal.location_id where sal.service_id = :id order by l.name, sal.id", Tuple.class)
                .setParameter("id", id).getResultList()) {
            Tuple t = (Tuple) o;
            Location location = location(t);
            places.add(new ServiceAtLocation((UUID) t.get(0), id, location.id(), location, null));
        }
        String category = (String) row.get("category");
        List<Attribute> attributes = terms(" where t.code = :code", Map.<String, Object>of("code", category)).stream()
                .map(term -> new Attribute(nameUuid("attribute:" + id + ":" + term.id()), id, term.id(), "service", "service", term)).toList();
        Integer available = (Integer) row.get("capacity_available");
        ServiceCapacity capacity = available == null ? null
                : new ServiceCapacity(nameUuid("service_capacity:" + id), id, available, (Integer) row.get("capacity_maximum"), "place",
                        basic.lastModified());
        return Optional.of(new Service(basic.id(), basic.organizationId(), basic.name(), basic.description(), basic.status(),
                basic.minimumAge(), basic.maximumAge(), basic.assuredDate(), basic.lastModified(), basic.organization(), schedules,
                places, costs, attributes, capacity));
    }

    private static final String LOCATION_COLUMNS = "l.id as location_id, l.location_type, l.name as location_name, l.latitude, "
            + "l.longitude, l.address_1, l.city, l.postal_code, l.country";

    /** Services at locations, paged; narrowed to a postcode (whole, or its district) when given. */
    public Page<ServiceAtLocation> servicesAtLocations(String postcode, int page, int perPage) {
        String where = " where " + PUBLIC + (postcode == null ? "" : " and replace(upper(l.postal_code), ' ', '') like :postcode");
        String from = " from service_at_location sal join location l on l.id = sal.location_id join service s on s.id = sal.service_id "
                + "join organization o on o.id = s.organization_id" + where;
        Query count = entityManager.createNativeQuery("select count(*)" + from);
        Query rows = entityManager.createNativeQuery("select sal.id as sal_id, " + LOCATION_COLUMNS + ", " + SERVICE_COLUMNS + from
                + " order by l.name, s.name, sal.id", Tuple.class);
        if (postcode != null) {
            count.setParameter("postcode", postcode + "%");
            rows.setParameter("postcode", postcode + "%");
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<ServiceAtLocation> found = new ArrayList<>();
        if (total > 0) {
            for (Object o : rows.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList()) {
                Tuple t = (Tuple) o;
                Location location = location(t);
                Service service = basic(t);
                found.add(new ServiceAtLocation((UUID) t.get("sal_id"), service.id(), location.id(), location, service));
            }
        }
        return Page.of(found, total, page, perPage);
    }

    public Optional<ServiceAtLocation> serviceAtLocation(UUID id) {
        List<?> rows = entityManager.createNativeQuery("select sal.id as sal_id, " + LOCATION_COLUMNS + ", " + SERVICE_COLUMNS
                + " from service_at_location sal join location l on l.id = sal.location_id join service s on s.id = sal.service_id "
                + "join organization o on o.id = s.organization_id where sal.id = :id and " + PUBLIC, Tuple.class).setParameter("id", id).getResultList();
        return rows.stream().map(Tuple.class::cast).map(t -> {
            Location location = location(t);
            Service service = basic(t);
            return new ServiceAtLocation(id, service.id(), location.id(), location, service);
        }).findFirst();
    }

    public List<Taxonomy> taxonomies() {
        List<Taxonomy> found = new ArrayList<>();
        for (Object o : entityManager.createNativeQuery("select id, name, description, uri, version from taxonomy order by name, id",
                Tuple.class).getResultList()) {
            Tuple t = (Tuple) o;
            found.add(new Taxonomy((UUID) t.get(0), (String) t.get(1), (String) t.get(2), (String) t.get(3), (String) t.get(4)));
        }
        return found;
    }

    /** Terms, narrowed by a where clause on {@code t} (the term) with its parameters. */
    public List<TaxonomyTerm> terms(String where, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery("select t.id, t.name, t.description, t.parent_id, x.name as taxonomy, t.taxonomy_id, "
                + "t.code from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id" + where + " order by t.name, t.id", Tuple.class);
        parameters.forEach(query::setParameter);
        List<TaxonomyTerm> found = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Tuple t = (Tuple) o;
            found.add(new TaxonomyTerm((UUID) t.get(0), (String) t.get(1), (String) t.get(2), (UUID) t.get(3), (String) t.get(4),
                    (UUID) t.get(5), (String) t.get(6), (String) t.get(6)));
        }
        return found;
    }

    public Page<Organization> organizations(int page, int perPage) {
        long total = ((Number) entityManager.createNativeQuery("select count(*) from organization").getSingleResult()).longValue();
        List<Organization> found = new ArrayList<>();
        for (Object o : entityManager.createNativeQuery("select id, name, description from organization order by name, id", Tuple.class)
                .setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList()) {
            Tuple t = (Tuple) o;
            found.add(organization((UUID) t.get(0), (String) t.get(1), (String) t.get(2)));
        }
        return Page.of(found, total, page, perPage);
    }

    public Optional<Organization> organization(UUID id) {
        List<?> rows = entityManager.createNativeQuery("select id, name, description from organization where id = :id", Tuple.class)
                .setParameter("id", id).getResultList();
        return rows.stream().map(Tuple.class::cast).map(t -> organization((UUID) t.get(0), (String) t.get(1), (String) t.get(2))).findFirst();
    }

    private static Service basic(Tuple t) {
        UUID organizationId = (UUID) t.get("organization_id");
        return new Service((UUID) t.get("id"), organizationId, (String) t.get("name"), (String) t.get("description"), (String) t.get("status"),
                (Integer) t.get("minimum_age"), (Integer) t.get("maximum_age"), LocalDate.parse((String) t.get("assured_date")), Instant.parse((String) t.get("last_modified")),
                organization(organizationId, (String) t.get("org_name"), (String) t.get("org_description")), null, null, null, null, null);
    }

    /** ORUK requires a description; an organisation that gave none is described by its name. */
    private static Organization organization(UUID id, String name, String description) {
        return new Organization(id, name, description == null || description.isBlank() ? name : description, null, null);
    }

    private static Location location(Tuple t) {
        UUID id = (UUID) t.get("location_id");
        Address address = new Address(nameUuid("address:" + id), id, (String) t.get("address_1"), (String) t.get("city"), REGION,
                (String) t.get("postal_code"), ((String) t.get("country")).strip(), "physical");
        return new Location(id, (String) t.get("location_type"), (String) t.get("location_name"), (BigDecimal) t.get("latitude"),
                (BigDecimal) t.get("longitude"), List.of(address));
    }

    static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

}
