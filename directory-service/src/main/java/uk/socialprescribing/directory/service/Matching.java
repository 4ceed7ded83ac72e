package uk.socialprescribing.directory.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import uk.socialprescribing.conventions.Clocks;

/**
 * Ranks the directory's services for one person: how well each fits their interests, where they live, the days they
 * are free, and whether it has space, each part of the score shown so a link worker can see why. Services with space
 * come before full ones whatever their score; stale listings are marked; listings unassured for a year are left out.
 *
 * <p>Nearness is the great-circle distance from the person's postcode to the venue, from the postcode reference data:
 * 1 at the door, falling evenly to 0 at {@value #NEAR_ENOUGH_KM} km and beyond.
 */
@ApplicationScoped
public class Matching {

    /** Beyond this distance a service earns nothing for nearness. */
    public static final double NEAR_ENOUGH_KM = 10;

    /** What the link worker knows of the person; {@code home} is where their postcode is, when given. */
    public record Person(Set<String> interests, PostcodePoints.Point home, Set<String> days, boolean freeOnly, Integer age) {
    }

    /** Each part of a score, from 0 to 1, and its weight in the total. */
    public record Explanation(double interest, double nearness, double schedule, double capacity) {
        public static final double INTEREST = 0.4;
        public static final double NEARNESS = 0.3;
        public static final double SCHEDULE = 0.2;
        public static final double CAPACITY = 0.1;

        double total() {
            return INTEREST * interest + NEARNESS * nearness + SCHEDULE * schedule + CAPACITY * capacity;
        }
    }

    public record Result(UUID serviceId, String name, String category, String postcode, Double distanceKm, double score,
            Explanation explanation, List<String> reasons, boolean full, boolean stale, Integer placesAvailable) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public Matching(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public List<Result> match(Person person, int limit) {
        LocalDate today = Clocks.today(clock);
        StringBuilder sql = new StringBuilder("""
                select s.id, s.name, s.category, p.code as parent, s.postcode, s.capacity_available, s.assured_date::text as assured,
                       (select string_agg(sc.byday, ',') from schedule sc where sc.service_id = s.id) as days,
                       exists (select 1 from cost_option c where c.service_id = s.id and c.amount = 0) as free,
                       cast(l.latitude as double precision) as latitude, cast(l.longitude as double precision) as longitude
                from service s join taxonomy_term t on t.code = s.category left join taxonomy_term p on p.id = t.parent_id
                     left join lateral (select lo.latitude, lo.longitude from service_at_location sal join location lo on lo.id = sal.location_id
                                        where sal.service_id = s.id order by lo.id limit 1) l on true
                where s.moderation = 'approved' and s.withdrawn_at is null and s.assured_date >= :yearAgo""");
        if (!person.interests().isEmpty()) {
            sql.append(" and (s.category in (:interests) or p.code in (:interests))");
        }
        if (person.age() != null) {
            sql.append(" and coalesce(s.minimum_age, 0) <= :age and coalesce(s.maximum_age, 130) >= :age");
        }
        var query = entityManager.createNativeQuery(sql.toString(), Tuple.class).setParameter("yearAgo", today.minusYears(1));
        if (!person.interests().isEmpty()) {
            query.setParameter("interests", person.interests());
        }
        if (person.age() != null) {
            query.setParameter("age", person.age());
        }
        List<Result> results = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Tuple t = (Tuple) o;
            boolean free = (Boolean) t.get("free");
            if (person.freeOnly() && !free) {
                continue;
            }
            results.add(score(person, t, today));
        }
        results.sort(Comparator.comparing(Result::full).thenComparing(Comparator.comparingDouble(Result::score).reversed())
                .thenComparing(Result::name).thenComparing(Result::serviceId));
        return results.subList(0, Math.min(limit, results.size()));
    }

    private static Result score(Person person, Tuple t, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        String category = (String) t.get("category");
        String parent = (String) t.get("parent");
        double interest;
        if (person.interests().isEmpty()) {
            interest = 1;
        } else if (person.interests().contains(category)) {
            interest = 1;
            reasons.add("is " + category + ", one of the person's interests");
        } else {
            interest = 0.7;
            reasons.add("is " + category + ", a kind of " + parent);
        }
        String postcode = (String) t.get("postcode");
        Double latitude = (Double) t.get("latitude");
        Double distance = person.home() == null || latitude == null ? null
                : Math.round(person.home().kilometresTo(new PostcodePoints.Point(latitude, (Double) t.get("longitude"), false)) * 100) / 100.0;
        double nearness = nearness(distance);
        if (person.home() != null) {
            reasons.add(distance == null ? "its venue cannot be placed on the map" : distance + " km away");
        }
        String days = (String) t.get("days");
        double schedule;
        if (person.days().isEmpty()) {
            schedule = 1;
        } else if (days == null) {
            schedule = 0.5;
            reasons.add("its days are not known");
        } else if (Arrays.stream(days.split(",")).anyMatch(person.days()::contains)) {
            schedule = 1;
            reasons.add("meets on a day the person is free (" + days + ")");
        } else {
            schedule = 0;
            reasons.add("meets only on days the person is not free (" + days + ")");
        }
        Integer available = (Integer) t.get("capacity_available");
        boolean full = available != null && available == 0;
        double capacity = available == null ? 0.5 : full ? 0 : 1;
        reasons.add(available == null ? "its space is not known" : full ? "full: no places now" : available + " place(s) free");
        boolean stale = LocalDate.parse((String) t.get("assured")).isBefore(today.minusMonths(6));
        if (stale) {
            reasons.add("not confirmed for over six months: check before referring");
        }
        Explanation explanation = new Explanation(interest, nearness, schedule, capacity);
        return new Result((UUID) t.get("id"), (String) t.get("name"), category, postcode, distance, Math.round(explanation.total() * 1000) / 1000.0,
                explanation, reasons, full, stale, available);
    }

    /** 1 at the door, falling evenly to 0 at NEAR_ENOUGH_KM; 0 when the distance is not known (no postcode, or a venue off the map). */
    static double nearness(Double distanceKm) {
        if (distanceKm == null) {
            return 0;
        }
        return Math.round(Math.max(0, 1 - distanceKm / NEAR_ENOUGH_KM) * 1000) / 1000.0;
    }
}
