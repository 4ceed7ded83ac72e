package uk.socialprescribing.directory.service;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.quarkus.runtime.StartupEvent;
import uk.socialprescribing.directory.domain.Listing;

/**
 * A listing as the ORUK model holds it beside the service row: its venue as a location (one per venue and postcode,
 * shared by the services there), the service at that location, its weekly session as a schedule, and its cost as a
 * cost option, each read from what the partner wrote ("Tuesdays 10:30-12:00", "£2 a session", "Free").
 */
@ApplicationScoped
public class ListingStructure {

    /** A weekly session: the iCal day and the times. */
    public record Weekly(String byday, LocalTime opensAt, LocalTime closesAt) {
    }

    static final Pattern WEEKLY = Pattern.compile("(Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays) (\\d\\d:\\d\\d)-(\\d\\d:\\d\\d)");
    static final Map<String, String> DAYS = Map.of("Mondays", "MO", "Tuesdays", "TU", "Wednesdays", "WE", "Thursdays", "TH",
            "Fridays", "FR", "Saturdays", "SA", "Sundays", "SU");
    static final Pattern POUNDS = Pattern.compile("£(\\d+(?:\\.\\d\\d)?)");

    private final EntityManager entityManager;
    private final PostcodePoints points;

    public ListingStructure(EntityManager entityManager, PostcodePoints points) {
        this.entityManager = entityManager;
        this.points = points;
    }

    /** Venues placed before the service knew their postcodes' points get them on start (none, once all have them). */
    @Transactional
    void placeVenues(@Observes StartupEvent start) {
        for (Object o : entityManager.createNativeQuery("select id, postal_code from location where latitude is null", Tuple.class)
                .getResultList()) {
            Tuple t = (Tuple) o;
            points.locate((String) t.get(1)).ifPresent(p -> entityManager.createNativeQuery(
                    "update location set latitude = :lat, longitude = :lon where id = :id").setParameter("lat", p.latitude())
                    .setParameter("lon", p.longitude()).setParameter("id", t.get(0)).executeUpdate());
        }
    }

    /** "Tuesdays 10:30-12:00" as a weekly schedule; empty for what this rule cannot read (kept as text on the service). */
    public static Optional<Weekly> weekly(String schedule) {
        Matcher m = schedule == null ? null : WEEKLY.matcher(schedule.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Weekly(DAYS.get(m.group(1)), LocalTime.parse(m.group(2)), LocalTime.parse(m.group(3))));
    }

    /** The largest amount a cost option holds (numeric(8, 2)); a text naming more is kept as words only. */
    public static final BigDecimal MOST_A_COST_NAMES = new BigDecimal("999999.99");

    /** The amount of a cost: 0 for "Free...", the pounds named otherwise; empty when it names none, or an amount beyond any fee. */
    public static Optional<BigDecimal> amount(String cost) {
        if (cost == null || cost.isBlank()) {
            return Optional.empty();
        }
        if (cost.strip().toLowerCase(Locale.ROOT).startsWith("free")) {
            return Optional.of(BigDecimal.ZERO);
        }
        Matcher m = POUNDS.matcher(cost);
        return m.find() ? Optional.of(new BigDecimal(m.group(1))).filter(a -> a.compareTo(MOST_A_COST_NAMES) <= 0) : Optional.empty();
    }

    /** The listing changed: its sessions, costs and venue are read again from what it says now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Listing listing) {
        for (String table : List.of("schedule", "cost_option", "service_at_location")) {
            entityManager.createNativeQuery("delete from " + table + " where service_id = :id").setParameter("id", listing.id()).executeUpdate();
        }
        record(listing);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Listing listing) {
        Listing.Details d = listing.details();
        UUID serviceId = listing.id();
        if (d.venue() != null && d.postcode() != null) {
            Optional<PostcodePoints.Point> point = points.locate(d.postcode());
            entityManager.createNativeQuery("insert into location (id, name, address_1, city, postal_code, latitude, longitude) "
                    + "values (:id, :name, :name, :city, :postcode, :lat, :lon) "
                    + "on conflict (name, postal_code) do update set latitude = coalesce(location.latitude, excluded.latitude), "
                    + "longitude = coalesce(location.longitude, excluded.longitude)")
                    .unwrap(NativeQuery.class)
                    .setParameter("id", UUID.randomUUID()).setParameter("name", d.venue()).setParameter("city", d.town() == null ? "" : d.town())
                    .setParameter("postcode", d.postcode())
                    .setParameter("lat", point.map(p -> BigDecimal.valueOf(p.latitude())).orElse(null), BigDecimal.class)
                    .setParameter("lon", point.map(p -> BigDecimal.valueOf(p.longitude())).orElse(null), BigDecimal.class).executeUpdate();
            entityManager.createNativeQuery("insert into service_at_location (id, service_id, location_id) "
                    + "select :id, :service, l.id from location l where l.name = :name and l.postal_code = :postcode")
                    .setParameter("id", UUID.randomUUID()).setParameter("service", serviceId).setParameter("name", d.venue())
                    .setParameter("postcode", d.postcode()).executeUpdate();
        }
        weekly(d.schedule()).ifPresent(w -> entityManager.createNativeQuery("insert into schedule (id, service_id, freq, byday, opens_at, closes_at, "
                + "description) values (:id, :service, 'WEEKLY', :byday, :opens, :closes, :description)")
                .setParameter("id", UUID.randomUUID()).setParameter("service", serviceId).setParameter("byday", w.byday())
                .setParameter("opens", w.opensAt()).setParameter("closes", w.closesAt()).setParameter("description", d.schedule()).executeUpdate());
        amount(d.cost()).ifPresent(a -> entityManager.createNativeQuery("insert into cost_option (id, service_id, option, amount, amount_description) "
                + "values (:id, :service, :option, :amount, :option)")
                .setParameter("id", UUID.randomUUID()).setParameter("service", serviceId).setParameter("option", d.cost())
                .setParameter("amount", a).executeUpdate());
    }
}
