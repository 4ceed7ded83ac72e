package uk.socialprescribing.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The audit log's hash chain. Rows are written in the reading transaction without a place in the chain; this sealer
 * then takes the new ones, in the order it sees them committed, and gives each the next {@code seq} and
 * {@code hash = SHA-256(previous hash, seq, id, subject, reader, purpose, time)}, and moves the head
 * ({@code audit.chain_head}), writing it to the log. One replica seals at a time (an advisory lock).
 *
 * <p>{@link #verify()} walks the chain from the start: a sealed row altered, removed or slipped in breaks the hash
 * of its place; rows cut off the end fall short of the head. (Someone who can write the database and rewrite the whole
 * chain and its head is caught by the heads in the service's log, which live elsewhere.) The database itself refuses
 * to change or delete a row (a trigger, V0_6).
 */
@ApplicationScoped
public class AuditChain {

    /** What a verification found. */
    @Schema(name = "AuditChainVerification")
    public record Verification(
            @Schema(description = "intact: every sealed row reads as it was sealed; broken: see firstBreak",
                    enumeration = { "intact", "broken" }) String status,
            @Schema(description = "Rows checked, in the chain") long sealedRows,
            @Schema(description = "Rows written in the last seconds, not yet sealed into the chain (sealed every few seconds)") long unsealedRows,
            @Schema(description = "The chain's head: its last place") long headSeq,
            @Schema(description = "The head's hash (hex); the service's log holds each head as it was sealed") String headHash,
            @Schema(description = "The first place where the chain does not hold, when broken") Break firstBreak,
            Instant verifiedAt) {
    }

    /** Where the chain first fails. */
    @Schema(name = "AuditChainBreak")
    public record Break(@Schema(description = "The place in the chain") long seq,
            @Schema(description = "The row found there; absent when the place is empty") Long id,
            @Schema(description = "What is wrong", enumeration = { "altered", "missing", "cut-short" }) String problem,
            @Schema(description = "In words") String detail) {
    }

    static final int BATCH = 1000;
    private static final long LOCK = 0x5350_4155_4449_5431L; // 'SPAUDIT1': one sealer per database
    private static final Logger LOG = Logger.getLogger(AuditChain.class);

    private final EntityManager entityManager;
    private final Clock clock;

    public AuditChain(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${audit.chain.interval:5s}", delay = 3, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealOnSchedule() {
        while (seal() == BATCH) {
            // a backlog (a first start over an old log): seal it all
        }
    }

    /** Seals up to a batch of new rows into the chain; how many. */
    public int seal() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet locked = lock.executeQuery()) {
                    if (!locked.next() || !locked.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            long seq;
            byte[] hash;
            try (PreparedStatement head = connection.prepareStatement("select seq, hash from audit.chain_head for update");
                    ResultSet row = head.executeQuery()) {
                row.next();
                seq = row.getLong(1);
                hash = row.getBytes(2);
            }
            List<Long> ids = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            try (PreparedStatement unsealed = connection.prepareStatement("select id, subject_id, read_by, purpose, read_at"
                    + " from audit.personal_data_read where seq is null order by id limit " + BATCH);
                    ResultSet row = unsealed.executeQuery()) {
                while (row.next()) {
                    seq++;
                    hash = link(hash, seq, row.getLong(1), (UUID) row.getObject(2), row.getString(3), row.getString(4),
                            row.getObject(5, OffsetDateTime.class).toInstant());
                    ids.add(row.getLong(1));
                    seqs.add(seq);
                    hashes.add(HexFormat.of().formatHex(hash));
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    update audit.personal_data_read p set seq = v.seq, hash = decode(v.hash, 'hex')
                    from (select unnest(?) as id, unnest(?) as seq, unnest(?) as hash) v where p.id = v.id""")) {
                update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                update.setArray(2, connection.createArrayOf("bigint", seqs.toArray()));
                update.setArray(3, connection.createArrayOf("text", hashes.toArray()));
                update.executeUpdate();
            }
            try (PreparedStatement head = connection.prepareStatement("update audit.chain_head set seq = ?, hash = ?")) {
                head.setLong(1, seq);
                head.setBytes(2, hash);
                head.executeUpdate();
            }
            LOG.infof("Audit chain sealed through %d: %s", seq, HexFormat.of().formatHex(hash));
            return ids.size();
        }));
    }

    /** Walks the whole chain, a page at a time, and says whether every sealed row reads as it was sealed. */
    public Verification verify() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long headSeq;
            byte[] headHash;
            long unsealed;
            try (PreparedStatement head = connection.prepareStatement("select h.seq, h.hash,"
                    + " (select count(*) from audit.personal_data_read where seq is null) from audit.chain_head h");
                    ResultSet row = head.executeQuery()) {
                row.next();
                headSeq = row.getLong(1);
                headHash = row.getBytes(2);
                unsealed = row.getLong(3);
            }
            byte[] hash = new byte[32];
            long expected = 1;
            Break broken = null;
            try (PreparedStatement page = connection.prepareStatement("select seq, id, subject_id, read_by, purpose, read_at, hash"
                    + " from audit.personal_data_read where seq >= ? and seq <= ? order by seq limit 5000")) {
                page.setFetchSize(5000);
                boolean more = true;
                while (more && broken == null) {
                    more = false;
                    page.setLong(1, expected);
                    page.setLong(2, headSeq);
                    try (ResultSet row = page.executeQuery()) {
                        while (row.next()) {
                            more = true;
                            long seq = row.getLong(1);
                            long id = row.getLong(2);
                            if (seq != expected) {
                                broken = new Break(expected, null, "missing", "place " + expected + " is empty: a row was removed");
                                break;
                            }
                            hash = link(hash, seq, id, (UUID) row.getObject(3), row.getString(4), row.getString(5),
                                    row.getObject(6, OffsetDateTime.class).toInstant());
                            if (!MessageDigest.isEqual(hash, row.getBytes(7))) {
                                broken = new Break(seq, id, "altered", "row " + id + " at place " + seq
                                        + " does not read as it was sealed: it, or the chain before it, was changed");
                                break;
                            }
                            expected++;
                        }
                    }
                }
            }
            if (broken == null && expected - 1 < headSeq) {
                broken = new Break(expected, null, "cut-short", "the chain ends at place " + (expected - 1) + " but its head is at "
                        + headSeq + ": rows were removed from its end");
            }
            if (broken == null && !MessageDigest.isEqual(hash, headHash)) {
                broken = new Break(headSeq, null, "altered", "the last row's hash is not the head's: the head or the chain was rewritten");
            }
            return new Verification(broken == null ? "intact" : "broken", expected - 1, unsealed, headSeq,
                    HexFormat.of().formatHex(headHash), broken, clock.instant());
        }));
    }

    /** The next link: SHA-256 over the previous hash and the row's fields, each length-prefixed. */
    static byte[] link(byte[] previous, long seq, long id, UUID subject, String readBy, String purpose, Instant readAt) {
        byte[] reader = readBy.getBytes(StandardCharsets.UTF_8);
        byte[] why = purpose.getBytes(StandardCharsets.UTF_8);
        ByteBuffer fields = ByteBuffer.allocate(8 * 5 + 8 + reader.length + why.length)
                .putLong(seq).putLong(id).putLong(subject.getMostSignificantBits()).putLong(subject.getLeastSignificantBits())
                .putInt(reader.length).put(reader).putInt(why.length).put(why)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, readAt));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(fields.array(), 0, fields.position());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
