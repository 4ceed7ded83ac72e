package uk.socialprescribing.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;

/**
 * {@code Idempotency-Key} on POST: the first request with a key does the work and its response is stored in the
 * same transaction; a retry with the same key and the same body gets that response again (same status, same id,
 * header {@value #REPLAYED}); the same key with another body is 422. Concurrent retries serialise on the key's row:
 * the first inserts it, the others wait for its commit and then replay, so a GP system retrying after a timeout
 * never creates two referrals. Keys are per caller and kept for {@code idempotency.retention}.
 * <p>
 * Every POST of every service takes the header: {@code return idempotency.once(caller, key, body, () -> work)}. The
 * work runs in the transaction that stores its response, so its effect and the record commit together.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Settings settings;
    private final Clock clock;

    /** How long a response is kept for replay to a retry with the same key. */
    @ConfigMapping(prefix = "idempotency")
    public interface Settings {
        @WithDefault("P1D")
        Duration retention();
    }

    public Idempotency(EntityManager entityManager, ObjectMapper json, Settings settings, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.canonical = JsonMapper.builder().findAndAddModules()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs {@code work} once per (caller, key); {@code request} is what "the same body" compares (a DTO or a string). */
    public Response once(String caller, String key, Object request, Supplier<Response> work) {
        if (key == null) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ProblemException(Problem.invalidField(HEADER, "Format",
                    "must be 1 to 200 visible ASCII characters, e.g. a UUID"));
        }
        String hash = hash(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = entityManager.createNativeQuery("""
                    insert into idempotency.record (caller, idempotency_key, request_hash, status, created_at)
                    values (:caller, :key, :hash, 0, :at) on conflict do nothing""")
                    .setParameter("caller", caller).setParameter("key", key).setParameter("hash", hash)
                    .setParameter("at", clock.instant()).executeUpdate();
            if (inserted == 1) {
                Response response = work.get();
                store(caller, key, response);
                return response;
            }
            return replay(caller, key, hash);
        });
    }

    private void store(String caller, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null
                    : response.getEntity() instanceof String text ? text : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        URI location = response.getLocation();
        MediaType type = response.getMediaType();
        entityManager.createNativeQuery("""
                update idempotency.record set status = :status, location = :location, etag = :etag, content_type = :type, body = :body
                where caller = :caller and idempotency_key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("location", location == null ? null : location.toString())
                .setParameter("etag", response.getHeaderString(HttpHeaders.ETAG))
                .setParameter("type", type == null ? MediaType.APPLICATION_JSON : type.toString())
                .setParameter("body", body)
                .setParameter("caller", caller).setParameter("key", key).executeUpdate();
    }

    private Response replay(String caller, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select request_hash, status, location, content_type, body, etag from idempotency.record
                where caller = :caller and idempotency_key = :key""", Tuple.class)
                .setParameter("caller", caller).setParameter("key", key).getResultList();
        Tuple first = rows.get(0);
        if (!hash.equals(first.get(0))) {
            throw new ProblemException(new Problem(Problem.type("idempotency-key-reused"), "Unprocessable Content", 422,
                    "This Idempotency-Key was used for a different request; use a new key for a new request", null,
                    List.of(new Problem.FieldError(HEADER, "SameRequest", "must come with the same body as its first use"))));
        }
        Response.ResponseBuilder answer = Response.status(((Number) first.get(1)).intValue()).header(REPLAYED, "true");
        if (first.get(2) != null) {
            answer.header(HttpHeaders.LOCATION, first.get(2));
        }
        if (first.get(5) != null) {
            answer.header(HttpHeaders.ETAG, first.get(5));
        }
        if (first.get(4) != null) {
            answer.type((String) first.get(3)).entity(first.get(4));
        }
        return answer.build();
    }

    private String hash(Object request) {
        try {
            byte[] bytes = request instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : canonical.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delay = 5, delayUnit = TimeUnit.MINUTES)
    void forgetOldKeys() {
        Instant cutoff = clock.instant().minus(settings.retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from idempotency.record where created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
