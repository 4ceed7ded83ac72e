package uk.socialprescribing.directory.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;

/**
 * Link workers' search of the directory: PostgreSQL full text with ranking (the name counts most, then the activity,
 * then the description) and typo tolerance by trigrams (pg_trgm: "gardning" finds gardening; the threshold, 0.45, is
 * set on each new database connection, see application.properties), the activity taxonomy,
 * distance from a point, day and time, free only, age, access features and language. Public listings only; stale
 * ones are marked. A page is two queries (count and rows) whatever its size.
 */
@ApplicationScoped
public class Search {

    /**
     * The words match by full text, or each word (of three letters or more) is spelt nearly the same as a word of the
     * listing (pg_trgm word similarity): the SQL on {@code s} (the service), its parameters put in {@code parameters}.
     */
    public static String textMatches(String words, Map<String, Object> parameters) {
        String text = words.strip().toLowerCase(Locale.ROOT);
        parameters.put("text", text);
        StringBuilder sql = new StringBuilder("(s.search_vector @@ websearch_to_tsquery('english', :text)");
        List<String> each = Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 3).distinct().limit(8).toList();
        if (!each.isEmpty()) {
            sql.append(" or (");
            for (int i = 0; i < each.size(); i++) {
                sql.append(i == 0 ? "" : " and ").append(":word").append(i).append(" <% s.search_text");
                parameters.put("word" + i, each.get(i));
            }
            sql.append(")");
        }
        return sql.append(")").toString();
    }

    /**
     * How well the words (the {@code :text} of {@link #textMatches}) match: the full-text rank (a word in the name
     * weighs five times one in the description), plus how nearly the words are spelt the same (what ranks a typo's
     * matches).
     */
    public static final String TEXT_RELEVANCE = "(ts_rank(s.search_vector, websearch_to_tsquery('english', :text)) + word_similarity(:text, s.search_text))";

    public enum Sort {
        RELEVANCE, DISTANCE, NAME
    }

    /** What a link worker asks for; every part optional. */
    public record Criteria(String text, String category, PostcodePoints.Point near, double withinKm, String day, LocalTime startTime,
            LocalTime endTime, boolean freeOnly, Integer age, List<String> accessibility, String language, Sort sort) {
    }

    public record Hit(UUID id, String name, String organisation, String category, String description, String venue, String town,
            String postcode, Double distanceKm, String schedule, List<String> days, String cost, boolean free, Integer placesAvailable,
            boolean full, boolean stale, Double relevance, List<String> languages, List<String> accessibility) {
    }

    private static final double KM_PER_DEGREE_LATITUDE = 111.2;

    private final EntityManager entityManager;
    private final Clock clock;

    public Search(EntityManager entityManager, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    public Slice<Hit> find(Criteria c, PageRequest page) {
        StringBuilder where = new StringBuilder(" where s.moderation = 'approved' and s.withdrawn_at is null");
        Map<String, Object> parameters = new HashMap<>();
        String relevance = "null";
        if (c.text() != null) {
            where.append(" and ").append(textMatches(c.text(), parameters));
            relevance = TEXT_RELEVANCE;
        }
        String distance = "null";
        if (c.near() != null) {
            where.append(" and ").append(within(c.near(), c.withinKm(), parameters))
                    // implied by the above, but what lets the planner start from the locations' index (location_by_point)
                    // rather than test the text of every listing in the country
                    .append(" and s.id in (select sal2.service_id from service_at_location sal2 join location lo2 on lo2.id = sal2.location_id"
                            + " where lo2.latitude between :latMin and :latMax and lo2.longitude between :lonMin and :lonMax)");
            distance = DISTANCE;
        }
        if (c.category() != null) {
            where.append(" and s.category in (select t.code from taxonomy_term t left join taxonomy_term p on p.id = t.parent_id "
                    + "where t.code = :category or p.code = :category)");
            parameters.put("category", c.category());
        }
        if (c.day() != null || c.startTime() != null || c.endTime() != null) {
            where.append(" and exists (select 1 from schedule sc where sc.service_id = s.id");
            if (c.day() != null) {
                where.append(" and sc.byday = :day");
                parameters.put("day", c.day());
            }
            if (c.startTime() != null) {
                where.append(" and sc.opens_at >= :startTime");
                parameters.put("startTime", c.startTime());
            }
            if (c.endTime() != null) {
                where.append(" and sc.closes_at <= :endTime");
                parameters.put("endTime", c.endTime());
            }
            where.append(")");
        }
        if (c.freeOnly()) {
            where.append(" and exists (select 1 from cost_option co where co.service_id = s.id and co.amount = 0)");
        }
        if (c.age() != null) {
            where.append(" and coalesce(s.minimum_age, 0) <= :age and coalesce(s.maximum_age, 130) >= :age");
            parameters.put("age", c.age());
        }
        if (!c.accessibility().isEmpty()) {
            where.append(" and string_to_array(s.accessibility, ',') @> string_to_array(:accessibility, ',')");
            parameters.put("accessibility", String.join(",", c.accessibility()));
        }
        if (c.language() != null) {
            where.append(" and string_to_array(s.languages, ',') @> string_to_array(:language, ',')");
            parameters.put("language", c.language());
        }
        String from = " from service s join organization o on o.id = s.organization_id left join lateral (select lo.latitude, lo.longitude "
                + "from service_at_location sal join location lo on lo.id = sal.location_id where sal.service_id = s.id "
                + "order by lo.id limit 1) l on true" + where;
        String order = switch (c.sort()) {
            case RELEVANCE -> c.text() != null ? "relevance desc, " + (c.near() != null ? "distance_km, " : "") : "";
            case DISTANCE -> c.near() != null ? "distance_km, " : "";
            case NAME -> "";
        };
        Query count = entityManager.createNativeQuery("select count(*)" + from);
        Query rows = entityManager.createNativeQuery("select s.id, s.name, o.name as organisation, s.category, s.description, s.venue, s.town, "
                + "s.postcode, s.schedule, s.cost, s.capacity_available, s.assured_date::text as assured, s.languages, s.accessibility, "
                + "(select string_agg(sc.byday, ',' order by sc.byday) from schedule sc where sc.service_id = s.id) as days, "
                // per listing shown, by its index (an exists here was hashed over every cost option)
                + "coalesce((select bool_or(co.amount = 0) from cost_option co where co.service_id = s.id), false) as free, "
                + "cast(" + distance + " as double precision) as distance_km, cast(" + relevance + " as double precision) as relevance"
                + from + " order by " + order + "s.name, s.id", Tuple.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Hit> hits = new ArrayList<>();
        if (total > 0) {
            LocalDate staleBefore = Clocks.today(clock).minusMonths(6);
            for (Object o : rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()) {
                hits.add(hit((Tuple) o, staleBefore));
            }
        }
        return new Slice<>(hits, total);
    }

    /** Great-circle distance in km from (:lat, :lon) to the location {@code l} (latitude and longitude columns). */
    public static final String DISTANCE = "(2 * 6371.0088 * asin(sqrt(power(sin(radians(l.latitude - :lat) / 2), 2) + cos(radians(:lat)) "
            + "* cos(radians(l.latitude)) * power(sin(radians(l.longitude - :lon) / 2), 2))))";

    /**
     * The location {@code l} is within {@code km} of the point: a box around it first (which an index on latitude and
     * longitude can use), then the great-circle distance. Puts its parameters (:lat and :lon among them, for
     * {@link #DISTANCE}) in {@code parameters}.
     */
    public static String within(PostcodePoints.Point point, double km, Map<String, Object> parameters) {
        double dLat = km / KM_PER_DEGREE_LATITUDE;
        double dLon = km / (KM_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(point.latitude())));
        parameters.put("latMin", point.latitude() - dLat);
        parameters.put("latMax", point.latitude() + dLat);
        parameters.put("lonMin", point.longitude() - dLon);
        parameters.put("lonMax", point.longitude() + dLon);
        parameters.put("lat", point.latitude());
        parameters.put("lon", point.longitude());
        parameters.put("within", km);
        return "l.latitude between :latMin and :latMax and l.longitude between :lonMin and :lonMax and " + DISTANCE + " <= :within";
    }

    private static Hit hit(Tuple t, LocalDate staleBefore) {
        Integer available = (Integer) t.get("capacity_available");
        Double distance = (Double) t.get("distance_km");
        Double relevance = (Double) t.get("relevance");
        return new Hit((UUID) t.get("id"), (String) t.get("name"), (String) t.get("organisation"), (String) t.get("category"),
                (String) t.get("description"), (String) t.get("venue"), (String) t.get("town"), (String) t.get("postcode"),
                distance == null ? null : Math.round(distance * 100) / 100.0, (String) t.get("schedule"), codes((String) t.get("days")),
                (String) t.get("cost"), (Boolean) t.get("free"), available, available != null && available == 0,
                LocalDate.parse((String) t.get("assured")).isBefore(staleBefore),
                relevance == null ? null : Math.round(relevance * 1000) / 1000.0, codes((String) t.get("languages")),
                codes((String) t.get("accessibility")));
    }

    private static List<String> codes(String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }
}
