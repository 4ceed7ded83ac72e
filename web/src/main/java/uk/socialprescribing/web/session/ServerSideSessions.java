package uk.socialprescribing.web.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import uk.socialprescribing.web.WebConfig;

/**
 * Signed-in sessions kept on the server: the tokens Keycloak gave (ID, access, refresh) stay in this process, and the
 * browser's session cookie holds only a random 256-bit key to them, encrypted (AES-GCM, with a key derived from the
 * session secret). A session not used for {@code web.session.idle} (15 minutes) is gone: the next request signs in
 * again. Each refresh of the tokens starts a new key, and signing out forgets them.
 *
 * <p>Held in memory, so one replica holds its own sessions: behind more than one, route a browser to the same one
 * (session affinity), as k8s/web does; a restart signs everyone out.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideSessions implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, Session> sessions;
    private final SecretKeySpec key;

    /** What a signed-in session holds: Keycloak's tokens, and the token its forms must send back (CSRF). */
    public record Session(AuthorizationCodeTokens tokens, String formToken) {
    }

    @Inject
    public ServerSideSessions(WebConfig config) {
        this(config, Ticker.systemTicker());
    }

    /** With the clock the idle limit is measured by (a test's own). */
    ServerSideSessions(WebConfig config, Ticker ticker) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(config.session().idle()).maximumSize(config.session().maximum())
                .ticker(ticker).build();
        this.key = new SecretKeySpec(sha256(config.session().secret()), "AES");
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig oidc, AuthorizationCodeTokens tokens,
            OidcRequestContext<String> request) {
        String id = random();
        // a refresh keeps the session's form token, so that a form opened before it can still be sent
        String formToken = Optional.ofNullable(context.<String>get(FORM_TOKEN)).orElseGet(ServerSideSessions::random);
        sessions.put(id, new Session(tokens, formToken));
        // the refreshed session replaces the one read: its tokens are not kept
        Optional.ofNullable(context.<String>get(SESSION)).ifPresent(sessions::invalidate);
        return Uni.createFrom().item(encrypt(id));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig oidc, String state,
            OidcRequestContext<AuthorizationCodeTokens> request) {
        Optional<String> id = decrypt(state);
        Session session = id.map(sessions::getIfPresent).orElse(null);
        if (session == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The session has ended"));
        }
        context.put(FORM_TOKEN, session.formToken());
        context.put(SESSION, id.get());
        return Uni.createFrom().item(session.tokens());
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig oidc, String state, OidcRequestContext<Void> request) {
        decrypt(state).ifPresent(sessions::invalidate);
        return Uni.createFrom().voidItem();
    }

    /** The routing context's key for the signed-in session's form token, set when the session is read. */
    public static final String FORM_TOKEN = "web.form-token";
    private static final String SESSION = "web.session";

    /** How many sessions are held (for the tests and for a gauge). */
    public long size() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }

    private String encrypt(String id) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session key the cookie holds; empty when the cookie was not made here (or was changed). */
    Optional<String> decrypt(String cookie) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(cookie);
            if (all.length <= 12 + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
