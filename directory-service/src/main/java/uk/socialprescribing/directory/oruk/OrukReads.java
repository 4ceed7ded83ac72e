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

import uk.socialprescribing.directory.service.PostcodePoints;
import uk.socialprescribing.directory.service.Search;
import uk.socialprescribing.directory.service.Vocabulary;

import uk.socialprescribing.directory.oruk.OrukModel.Accessibility;
import uk.socialprescribing.directory.oruk.OrukModel.Address;
import uk.socialprescribing.directory.oruk.OrukModel.Contact;
import uk.socialprescribing.directory.oruk.OrukModel.Language;
import uk.socialprescribing.directory.oruk.OrukModel.Phone;
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
 * the count, one for the rows; a full service is one query per related table. Over 300 lines: ORUK's service has eight
 * related tables, each read and turned into the standard's records here.
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
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = where(filter, parameters);
        String from = " from service s join organization o on o.id = s.organization_id" + where;
        Query count = entityManager.createNativeQuery("select count(*)" + from);
        Query rows = entityManager.createNativeQuery("select " + SERVICE_COLUMNS + from + " order by "
                + (filter.search() != null ? Search.TEXT_RELEVANCE + " desc, " : "") + "s.name, s.id", Tuple.class);
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

    /** The where clause of the ORUK filters on {@code s} (the service), its parameters put in {@code parameters}. */
    private static StringBuilder where(ServiceFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where " + PUBLIC);
        if (filter.search() != null) {
            where.append(" and ").append(Search.textMatches(filter.search(), parameters));
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
        return where;
    }

    /** A service with everything ORUK's full view holds. */
    public Optional<Service> service(UUID id) {
        List<?> found = entityManager.createNativeQuery("select " + SERVICE_COLUMNS
                + ", s.category, s.capacity_available, s.capacity_maximum, s.languages, s.contact_name, s.contact_email, s.contact_phone "
                + "from service s join organization o on o.id = s.organization_id "
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
        List<Tuple> placeRows = entityManager.createNativeQuery("select sal.id, " + LOCATION_COLUMNS + " from service_at_location sal "
                + "join location l on l.id = sal.location_id where sal.service_id = :id order by l.name, sal.id", Tuple.class)
                .setParameter("id", id).getResultList().stream().map(Tuple.class::cast).toList();
        Map<UUID, List<Accessibility>> access = accessibility(placeRows);
        List<ServiceAtLocation> places = new ArrayList<>();
        for (Tuple t : placeRows) {
            Location location = location(t, access);
            places.add(new ServiceAtLocation((UUID) t.get(0), id, location.id(), location, null));
        }
        List<Language> languages = new ArrayList<>();
        String codes = (String) row.get("languages");
        for (String code : codes == null ? List.<String>of() : List.of(codes.split(","))) {
            languages.add(new Language(nameUuid("language:" + id + ":" + code), id, Vocabulary.language(code).orElse(code), code));
        }
        List<Contact> contacts = new ArrayList<>();
        String contactName = (String) row.get("contact_name");
        String email = (String) row.get("contact_email");
        String phone = (String) row.get("contact_phone");
        if (contactName != null || email != null || phone != null) {
            UUID contactId = nameUuid("contact:" + id);
            contacts.add(new Contact(contactId, id, contactName, email,
                    phone == null ? List.of() : List.of(new Phone(nameUuid("phone:" + contactId), contactId, phone))));
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
                places, costs, attributes, capacity, languages, contacts));
    }

    private static final String LOCATION_COLUMNS = "l.id as location_id, l.location_type, l.name as location_name, l.latitude, "
            + "l.longitude, l.address_1, l.city, l.postal_code, l.country";

    /** Where to measure from, and how far (km) a location may be. */
    public record Near(PostcodePoints.Point point, double withinKm) {
    }

    /**
     * Services at locations, paged, with the services' filters; narrowed to a postcode (whole, or its district) when given
     * without a distance, or to the locations within a distance of a point, nearest first.
     */
    public Page<ServiceAtLocation> servicesAtLocations(ServiceFilter filter, String postcode, Near near, int page, int perPage) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = where(filter, parameters);
        if (postcode != null) {
            where.append(" and replace(upper(l.postal_code), ' ', '') like :postcode");
            parameters.put("postcode", postcode + "%");
        }
        String order = "l.name, s.name, sal.id";
        if (near != null) {
            where.append(" and ").append(Search.within(near.point(), near.withinKm(), parameters));
            order = Search.DISTANCE + ", " + order;
        }
        String from = " from service_at_location sal join location l on l.id = sal.location_id join service s on s.id = sal.service_id "
                + "join organization o on o.id = s.organization_id" + where;
        Query count = entityManager.createNativeQuery("select count(*)" + from);
        Query rows = entityManager.createNativeQuery("select sal.id as sal_id, " + LOCATION_COLUMNS + ", " + SERVICE_COLUMNS + from
                + " order by " + order, Tuple.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<ServiceAtLocation> found = new ArrayList<>();
        if (total > 0) {
            List<Tuple> tuples = rows.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList().stream()
                    .map(Tuple.class::cast).toList();
            Map<UUID, List<Accessibility>> access = accessibility(tuples);
            for (Tuple t : tuples) {
                Location location = location(t, access);
                Service service = basic(t);
                found.add(new ServiceAtLocation((UUID) t.get("sal_id"), service.id(), location.id(), location, service));
            }
        }
        return Page.of(found, total, page, perPage);
    }

    /**
     * The access features of the locations in these rows, in one query: what the public services there say of the venue
     * (a venue is shared, so what any of them states).
     */
    private Map<UUID, List<Accessibility>> accessibility(List<Tuple> rows) {
        List<UUID> ids = rows.stream().map(t -> (UUID) t.get("location_id")).distinct().toList();
        Map<UUID, List<Accessibility>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Object o : entityManager.createNativeQuery("select distinct sal.location_id, f.code from service_at_location sal "
                + "join service s on s.id = sal.service_id cross join unnest(string_to_array(s.accessibility, ',')) f(code) "
                + "where sal.location_id in (:ids) and " + PUBLIC + " order by sal.location_id, f.code", Tuple.class)
                .setParameter("ids", ids).getResultList()) {
            Tuple t = (Tuple) o;
            UUID location = (UUID) t.get(0);
            String code = (String) t.get(1);
            found.computeIfAbsent(location, k -> new ArrayList<>()).add(new Accessibility(nameUuid("accessibility:" + location + ":" + code),
                    location, Vocabulary.ACCESS.getOrDefault(code, code), code));
        }
        return found;
    }

    public Optional<ServiceAtLocation> serviceAtLocation(UUID id) {
        List<?> rows = entityManager.createNativeQuery("select sal.id as sal_id, " + LOCATION_COLUMNS + ", " + SERVICE_COLUMNS
                + " from service_at_location sal join location l on l.id = sal.location_id join service s on s.id = sal.service_id "
                + "join organization o on o.id = s.organization_id where sal.id = :id and " + PUBLIC, Tuple.class).setParameter("id", id).getResultList();
        List<Tuple> tuples = rows.stream().map(Tuple.class::cast).toList();
        Map<UUID, List<Accessibility>> access = accessibility(tuples);
        return tuples.stream().map(t -> {
            Location location = location(t, access);
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
                organization(organizationId, (String) t.get("org_name"), (String) t.get("org_description")), null, null, null, null, null, null, null);
    }

    /** ORUK requires a description; an organisation that gave none is described by its name. */
    private static Organization organization(UUID id, String name, String description) {
        return new Organization(id, name, description == null || description.isBlank() ? name : description, null, null);
    }

    private static Location location(Tuple t, Map<UUID, List<Accessibility>> accessibility) {
        UUID id = (UUID) t.get("location_id");
        Address address = new Address(nameUuid("address:" + id), id, (String) t.get("address_1"), (String) t.get("city"), REGION,
                (String) t.get("postal_code"), ((String) t.get("country")).strip(), "physical");
        return new Location(id, (String) t.get("location_type"), (String) t.get("location_name"), (BigDecimal) t.get("latitude"),
                (BigDecimal) t.get("longitude"), List.of(address), accessibility.getOrDefault(id, List.of()));
    }

    static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

}
