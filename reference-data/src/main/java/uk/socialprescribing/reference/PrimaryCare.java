package uk.socialprescribing.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Primary care reference data: the GP practices the platform serves and the primary care networks (PCNs) they
 * belong to, read from {@code reference-data/practices.csv} and {@code reference-data/pcns.csv} on the classpath.
 * Every service that needs practice → PCN reads it from here, so there is one source.
 */
public final class PrimaryCare {

    /** A GP practice: its ODS code, name, PCN and postcode. */
    public record Practice(String odsCode, String name, String pcnCode, String postcode) {
    }

    /**
     * A primary care network, the postcode districts (outward codes, e.g. HG1) it covers, and how referrers and the
     * people referred reach its social prescribing service.
     */
    public record Network(String code, String name, List<String> postcodeDistricts, ServiceContact service) {

        public Network(String code, String name, List<String> postcodeDistricts) {
            this(code, name, postcodeDistricts, null);
        }
    }

    /** The network's social prescribing service: its name, phone and email, as a referrer would call or write. */
    public record ServiceContact(String name, String phone, String email) {
    }

    private static final PrimaryCare STANDARD = new PrimaryCare(
            read("/reference-data/pcns.csv", f -> new Network(f[0], f[1], List.of(f[2].split(" ")),
                    f.length > 5 && !f[3].isBlank() ? new ServiceContact(f[3], f[4], f[5]) : null)),
            read("/reference-data/practices.csv", f -> new Practice(f[0], f[1], f[2], f[3])));

    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Practice> practices = new LinkedHashMap<>();

    PrimaryCare(List<Network> networks, List<Practice> practices) {
        networks.forEach(n -> this.networks.put(n.code(), n));
        for (Practice practice : practices) {
            if (!this.networks.containsKey(practice.pcnCode())) {
                throw new IllegalStateException("Practice " + practice.odsCode() + " names unknown PCN " + practice.pcnCode());
            }
            this.practices.put(practice.odsCode(), practice);
        }
    }

    /** The reference data shipped with the platform. */
    public static PrimaryCare standard() {
        return STANDARD;
    }

    public Optional<Practice> practice(String odsCode) {
        return odsCode == null ? Optional.empty() : Optional.ofNullable(practices.get(odsCode.strip().toUpperCase(Locale.ROOT)));
    }

    public Optional<Network> network(String pcnCode) {
        return pcnCode == null ? Optional.empty() : Optional.ofNullable(networks.get(pcnCode));
    }

    /** The PCN covering a postcode, by its outward code (the part before the space): HG1 4AB is in HG1. */
    public Optional<Network> networkCovering(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return Optional.empty();
        }
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5) {
            return Optional.empty();
        }
        String district = compact.substring(0, compact.length() - 3);
        return networks.values().stream().filter(n -> n.postcodeDistricts().contains(district)).findFirst();
    }

    public Collection<Practice> practices() {
        return practices.values();
    }

    public Collection<Network> networks() {
        return networks.values();
    }

    /** The practices of one PCN. */
    public List<Practice> practicesOf(String pcnCode) {
        return practices.values().stream().filter(p -> p.pcnCode().equals(pcnCode)).toList();
    }

    /** Pipe-separated rows after a header; lines starting with # are comments. */
    private static <T> List<T> read(String resource, Function<String[], T> row) {
        List<T> rows = new ArrayList<>();
        try (InputStream in = PrimaryCare.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(row.apply(line.split("\\|", -1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
