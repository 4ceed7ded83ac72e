package uk.socialprescribing.directory.service;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import uk.socialprescribing.conventions.InvalidInput;

/**
 * Where a postcode is: the reference data the service ships ({@code reference/postcodes.csv}: the demo area's
 * postcodes and the centres of its postcode districts and their neighbours). A whole postcode the file holds is its
 * own point; another whole postcode in a district the file knows, or a district alone (HG4), is the district's centre
 * and marked approximate; anything else is not known.
 */
@ApplicationScoped
public class PostcodePoints {

    /** A point on the map, and whether it is only the centre of the postcode's district. */
    public record Point(double latitude, double longitude, boolean approximate) {

        private static final double EARTH_RADIUS_KM = 6371.0088;

        /** Great-circle distance (haversine), in kilometres. */
        public double kilometresTo(Point other) {
            double dLat = Math.toRadians(other.latitude - latitude);
            double dLon = Math.toRadians(other.longitude - longitude);
            double a = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
        }
    }

    static final String RESOURCE = "reference/postcodes.csv";

    private final Map<String, Point> points;

    public PostcodePoints() {
        this(RESOURCE);
    }

    PostcodePoints(String resource) {
        Map<String, Point> read = new HashMap<>();
        try (Reader reader = new InputStreamReader(PostcodePoints.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                read.put(row.get("postcode"), new Point(Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude")),
                        !row.get("postcode").contains(" ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the postcode reference data " + resource, e);
        }
        this.points = Map.copyOf(read);
    }

    /** The point of a postcode given in a request's {@code field}; a 400 problem naming the field when it cannot be placed. */
    public Point require(String field, String postcode) {
        return locate(postcode).orElseThrow(() -> new InvalidInput(field, "KnownPostcode", postcode.strip().toUpperCase(Locale.ROOT)
                + " is not in the directory's postcode reference data (the demo area and its neighbours)"));
    }

    /** The point of a whole postcode or a district, in any case and spacing; empty when its district is not known. */
    public Optional<Point> locate(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return Optional.empty();
        }
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() >= 5 && Character.isDigit(compact.charAt(compact.length() - 3))) {
            String outward = compact.substring(0, compact.length() - 3);
            Point exact = points.get(outward + " " + compact.substring(compact.length() - 3));
            if (exact != null) {
                return Optional.of(exact);
            }
            return Optional.ofNullable(points.get(outward));
        }
        return Optional.ofNullable(points.get(compact));
    }
}
