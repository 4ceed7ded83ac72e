package uk.socialprescribing.referral.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.referral.config.ReferralConfig;

/**
 * The self-referral limit holds across replicas: two sets of buckets over the one database (as two replicas of the
 * service have) share each client's count, and the database holds no client address.
 */
@QuarkusTest
class SelfReferralBucketsTest {

    @Inject
    DataSource dataSource;

    @Inject
    ReferralConfig config;

    @Test
    void twoReplicasShareOneLimitPerClientAndKeepNoAddress() throws Exception {
        SelfReferralBuckets replicaA = new SelfReferralBuckets(dataSource, config.selfReferral());
        SelfReferralBuckets replicaB = new SelfReferralBuckets(dataSource, config.selfReferral());
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + "-" + System.nanoTime();
        String client = SelfReferralBuckets.key(address);
        long capacity = config.selfReferral().capacity();
        for (long i = 0; i < capacity; i++) {
            assertTrue((i % 2 == 0 ? replicaA : replicaB).made(client).tryConsume(1), "self-referral " + (i + 1));
        }
        // the limit is reached for both, whichever made the self-referrals
        assertFalse(replicaA.made(client).tryConsume(1));
        assertFalse(replicaB.made(client).tryConsume(1));
        // another client is not held back; one given back on one replica is there for the other
        assertTrue(replicaB.made(SelfReferralBuckets.key(address + "-other")).tryConsume(1));
        replicaA.made(client).addTokens(1);
        assertTrue(replicaB.made(client).tryConsume(1));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select id from self_referral_bucket where id like '%" + client + "'")) {
            assertTrue(rows.next());
            assertEquals("made:" + client, rows.getString(1));
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from self_referral_bucket where id like '%198.51.%'")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "a client address is stored");
        }
    }
}
