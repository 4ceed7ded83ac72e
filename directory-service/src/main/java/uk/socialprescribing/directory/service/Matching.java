package uk.socialprescribing.directory.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * Ranks the directory's services for one person: how well each fits their interests, where they live, the days they
 * are free, and whether it has space, each part of the score shown so a link worker can see why. Services with space
 * come before full ones whatever their score; stale listings are marked; listings unassured for a year are left out.
 *
 * <p>Where: the directory has no coordinates yet, so nearness is the postcode's district (HG1) or area (HG), not a
 * distance.
 */
@ApplicationScoped
public class Matching {

    /** What the link worker knows of the person. */
    public record Person(Set<String> interests, String postcode, Set<String> days, boolean freeOnly, Integer age) {
    }

    /** Each part of a score, from 0 to 1, and its weight in the total. */
    public record Explanation(double interest, double locality, double schedule, double capacity) {
        public static final double INTEREST = 0.4;
        public static final double LOCALITY = 0.3;
        public static final double SCHEDULE = 0.2;
        public static final double CAPACITY = 0.1;

        double total() {
            return INTEREST * interest + LOCALITY * locality + SCHEDULE * schedule + CAPACITY * capacity;
        }
    }

    public record Result(UUID serviceId, String name, String category, String postcode, double score, Explanation explanation,
            List<String> reasons, boolean full, boolean stale, Integer placesAvailable) {
    }

    private final EntityManager entityManager;

    public Matching(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Result> match(Person person, int limit) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder sql = new StringBuilder("""
                select s.id, s.name, s.category, p.code as parent, s.postcode, s.capacity_available, s.assured_date::text as assured,
                       (select string_agg(sc.byday, ',') from schedule sc where sc.service_id = s.id) as days,
                       exists (select 1 from cost_option c where c.service_id = s.id and c.amount = 0) as free
                from service s join taxonomy_term t on t.code = s.category left join taxonomy_term p on p.id = t.parent_id
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
        double locality = locality(person.postcode(), postcode);
        reasons.add(locality == 1 ? "in the person's postcode district" : locality == 0.5 ? "in the person's postcode area" : "further away");
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
        Explanation explanation = new Explanation(interest, locality, schedule, capacity);
        return new Result((UUID) t.get("id"), (String) t.get("name"), category, postcode, Math.round(explanation.total() * 1000) / 1000.0,
                explanation, reasons, full, stale, available);
    }

    /** 1 in the same postcode district (HG1), 0.5 in the same area (HG), 0 otherwise or when either is unknown. */
    static double locality(String personPostcode, String servicePostcode) {
        if (personPostcode == null || servicePostcode == null) {
            return 0;
        }
        String a = outward(personPostcode);
        String b = outward(servicePostcode);
        if (a.equals(b)) {
            return 1;
        }
        return area(a).equals(area(b)) ? 0.5 : 0;
    }

    static String outward(String postcode) {
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.length() > 4 ? compact.substring(0, compact.length() - 3) : compact;
    }

    static String area(String outward) {
        return outward.replaceAll("[0-9].*$", "");
    }
}
