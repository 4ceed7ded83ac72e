package uk.socialprescribing.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.RoutingContext;
import uk.socialprescribing.web.WebConfig;

/** Sessions kept on the server: the cookie holds an encrypted key and no token; idle sessions end; signing out forgets. */
class ServerSideSessionsTest {

    final AtomicLong nanos = new AtomicLong();
    final ServerSideSessions sessions = new ServerSideSessions(config("a-secret-for-this-test-only-0123456789"), nanos::get);

    @Test
    void theCookieHoldsAnEncryptedKeyAndNoTokenAndGivesTheTokensBack() {
        AuthorizationCodeTokens tokens = new AuthorizationCodeTokens("eyJid", "eyJaccess", "eyJrefresh");
        String cookie = create(request(), tokens);
        assertFalse(cookie.contains("eyJ"), cookie);
        assertTrue(cookie.length() < 120, cookie);
        RoutingContext read = request();
        assertEquals("eyJaccess", get(read, cookie).getAccessToken());
        assertTrue(read.<String>get(ServerSideSessions.FORM_TOKEN).length() >= 43);
        // the same key encrypts differently each time
        assertNotEquals(create(request(), tokens), create(request(), tokens));
    }

    @Test
    void aChangedCookieOrOneMadeWithAnotherSecretIsNoSession() {
        String cookie = create(request(), new AuthorizationCodeTokens("id", "access", "refresh"));
        String changed = cookie.substring(0, 20) + (cookie.charAt(20) == 'A' ? 'B' : 'A') + cookie.substring(21);
        assertThrows(AuthenticationFailedException.class, () -> get(request(), changed));
        ServerSideSessions other = new ServerSideSessions(config("another-secret-for-this-test-0123456789"), nanos::get);
        assertThrows(AuthenticationFailedException.class, () -> other.getTokens(request(), null, cookie, null).await().indefinitely());
        assertThrows(AuthenticationFailedException.class, () -> get(request(), "not a cookie of ours"));
    }

    @Test
    void aSessionUnusedForFifteenMinutesHasEndedAndOneInUseHasNot() {
        String cookie = create(request(), new AuthorizationCodeTokens("id", "access", "refresh"));
        nanos.addAndGet(Duration.ofMinutes(14).toNanos());
        get(request(), cookie);
        nanos.addAndGet(Duration.ofMinutes(14).toNanos());
        get(request(), cookie);
        nanos.addAndGet(Duration.ofMinutes(15).plusSeconds(1).toNanos());
        assertThrows(AuthenticationFailedException.class, () -> get(request(), cookie));
    }

    @Test
    void aRefreshReplacesTheSessionKeepingItsFormTokenAndSigningOutForgetsIt() {
        String first = create(request(), new AuthorizationCodeTokens("id", "access-1", "refresh-1"));
        RoutingContext refreshing = request();
        get(refreshing, first);
        String formToken = refreshing.get(ServerSideSessions.FORM_TOKEN);
        String second = create(refreshing, new AuthorizationCodeTokens("id", "access-2", "refresh-2"));
        assertThrows(AuthenticationFailedException.class, () -> get(request(), first));
        RoutingContext after = request();
        assertEquals("access-2", get(after, second).getAccessToken());
        assertEquals(formToken, after.get(ServerSideSessions.FORM_TOKEN));

        sessions.deleteTokens(request(), null, second, null).await().indefinitely();
        assertThrows(AuthenticationFailedException.class, () -> get(request(), second));
        assertEquals(0, sessions.size());
    }

    private String create(RoutingContext request, AuthorizationCodeTokens tokens) {
        return sessions.createTokenState(request, null, tokens, null).await().indefinitely();
    }

    private AuthorizationCodeTokens get(RoutingContext request, String cookie) {
        return sessions.getTokens(request, null, cookie, null).await().indefinitely();
    }

    /** A request's context: only its data map, which is all the sessions use. */
    private static RoutingContext request() {
        Map<String, Object> data = new HashMap<>();
        return (RoutingContext) java.lang.reflect.Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "put" -> {
                        data.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "get" -> data.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static WebConfig config(String secret) {
        return new WebConfig() {
            @Override
            public URI gateway() {
                return URI.create("http://127.0.0.1:8080");
            }

            @Override
            public java.util.Optional<java.nio.file.Path> questionnaires() {
                return java.util.Optional.empty();
            }

            @Override
            public Session session() {
                return new Session() {
                    @Override
                    public String secret() {
                        return secret;
                    }

                    @Override
                    public Duration idle() {
                        return Duration.ofMinutes(15);
                    }

                    @Override
                    public long maximum() {
                        return 100;
                    }
                };
            }
        };
    }
}
