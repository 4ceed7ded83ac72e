package uk.socialprescribing.referral.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import uk.socialprescribing.referral.config.ReferralConfig;

/**
 * The self-referral limit's buckets in PostgreSQL (table {@code self_referral_bucket}), shared by every replica that
 * uses the same database: one for self-referrals made and one for attempts per client. Each take is a short
 * transaction that locks the bucket's row.
 */
final class SelfReferralBuckets {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final BucketConfiguration made;
    private final BucketConfiguration attempts;

    SelfReferralBuckets(DataSource dataSource, ReferralConfig.SelfReferral limits) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("self_referral_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(java.time.Duration.ofMinutes(1)))
                .build();
        this.made = configuration(limits.capacity(), limits.period());
        this.attempts = configuration(limits.attemptCapacity(), limits.period());
    }

    private static BucketConfiguration configuration(long capacity, java.time.Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build();
    }

    /** The client's key: the SHA-256 of its address (the address itself is not stored). */
    static String key(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    BucketProxy made(String client) {
        return proxies.builder().build("made:" + client, () -> made);
    }

    BucketProxy attempts(String client) {
        return proxies.builder().build("attempts:" + client, () -> attempts);
    }

    /** Deletes the rows of buckets that are full again; how many. */
    int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = proxies.removeExpired(1000);
            removed += batch;
        } while (batch == 1000);
        return removed;
    }
}
