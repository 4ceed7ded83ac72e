package uk.socialprescribing.directory.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.runtime.StartupEvent;
import uk.socialprescribing.directory.config.DirectoryConfig;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.repository.ListingRepository;

/**
 * Local demo data: on the first start of an empty directory with {@code directory.demo-data.enabled=true},
 * publishes the listings of {@code demo/listings.csv} (fictional organisations, real places) through the same
 * path a VCSE partner's would take, so their service.published events flow too. Some wait for approval, some are
 * stale (not assured for over six months), some are full (no places available in the file).
 */
@ApplicationScoped
public class DemoDirectory {

    private static final Logger LOG = Logger.getLogger(DemoDirectory.class);

    record Row(String name, String category, String organisation, String description, String venue, String town,
            String postcode, String schedule, String cost, Integer capacity_maximum, Integer capacity_available) {
    }

    @Transactional
    void onStart(@Observes StartupEvent start, DirectoryConfig config, ListingRepository listings, Publishing publishing) {
        if (!config.demoData().enabled() || listings.count() > 0) {
            return;
        }
        List<Row> rows = read();
        int pending = 0;
        int stale = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            // every 40th listing is new from its partner and waits for approval
            boolean approved = i % 40 != 7;
            Listing listing = publishing.publish(row.organisation(), new Listing.Details(row.name(), row.description(), row.category(),
                    row.venue(), row.town(), row.postcode(), row.schedule(), row.cost(), row.capacity_maximum(),
                    row.capacity_available(), minimumAge(row.category()), null, languages(i), access(row.venue() + row.postcode()),
                    contact(row.organisation(), i)), approved, "demo-data");
            pending += approved ? 0 : 1;
            // every 12th was last assured 7 to 13 months ago: stale, and over a year for some
            if (approved && i % 12 == 5) {
                listings.getEntityManager().createNativeQuery(
                        "update service set assured_date = current_date - make_interval(months => :months) where id = :id")
                        .setParameter("months", 7 + i % 7).setParameter("id", listing.id()).executeUpdate();
                stale++;
            }
        }
        LOG.infof("Loaded %d demo listings into the directory (%d awaiting approval, %d stale)", rows.size(), pending, stale);
    }

    static final List<String> CONTACTS = List.of("Sam Holt", "Priya Shah", "Tom Greenwood", "Ewa Nowak", "Ruth Barker", "Imran Hussain",
            "Jo Clarke", "Aled Price");

    /** English everywhere; some groups also run in Polish, Urdu or British Sign Language. */
    static List<String> languages(int i) {
        List<String> languages = new ArrayList<>(List.of("en"));
        if (i % 9 == 4) {
            languages.add("pl");
        }
        if (i % 13 == 6) {
            languages.add("ur");
        }
        if (i % 17 == 3) {
            languages.add("bfi");
        }
        return languages;
    }

    /** A venue's access features: the same for every listing there (they follow from the venue, not the listing). */
    static List<String> access(String venue) {
        int h = Math.floorMod(venue.hashCode(), 1 << 16);
        List<String> features = new ArrayList<>();
        String[] codes = { "step-free-access", "accessible-toilet", "hearing-loop", "parking", "public-transport", "quiet-space" };
        int[] oneIn = { 1, 2, 3, 2, 2, 4 };
        for (int k = 0; k < codes.length; k++) {
            // most venues are step-free; fewer have a loop or a quiet room
            if (k == 0 ? h % 6 != 0 : (h >> k) % oneIn[k] == 0) {
                features.add(codes[k]);
            }
        }
        return features;
    }

    /** A named contact with an address at example.org and a number in Ofcom's range for drama (01632 960xxx): fictional. */
    static Listing.Contact contact(String organisation, int i) {
        String slug = organisation.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Listing.Contact(CONTACTS.get(i % CONTACTS.size()), "hello@" + slug + ".example.org", "01632 960%03d".formatted(i % 1000));
    }

    /** The demo groups are for adults, as most social prescribing is; employment support starts at school-leaving age. */
    static int minimumAge(String category) {
        return "employment-support".equals(category) ? 16 : 18;
    }

    static List<Row> read() {
        CsvMapper mapper = new CsvMapper();
        try (InputStream in = DemoDirectory.class.getResourceAsStream("/demo/listings.csv");
                MappingIterator<Row> rows = mapper.readerFor(Row.class).with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
