package uk.socialprescribing.directory.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.runtime.StartupEvent;
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
    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "directory.demo-data.enabled") boolean enabled,
            ListingRepository listings, Publishing publishing) {
        if (!enabled || listings.count() > 0) {
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
                    row.capacity_available(), minimumAge(row.category()), null), approved);
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
