package uk.socialprescribing.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens shaped like the platform's Keycloak tokens (realm roles in {@code realm_access.roles},
 * tenant claims {@code ods_code}, {@code pcn}, {@code organisation_id}, audience {@code social-prescribing-api}),
 * signed with the key of quarkus-test-oidc-server's mock provider (OidcWiremockTestResource).
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "social-prescribing-api";

    private TestTokens() {
    }

    /** A GP practice system's token (client credentials): role referrer, its practice's ODS code. */
    public static String gpPracticeSystem(String odsCode) {
        return token("service-account-gp-" + odsCode.toLowerCase(), List.of("referrer"), Map.of("ods_code", odsCode));
    }

    /** A link worker of a primary care network. */
    public static String linkWorker(String pcn) {
        return token("lw-" + UUID.randomUUID(), List.of("link-worker"), Map.of("pcn", pcn));
    }

    public static String commissioner() {
        return token("service-account-commissioner", List.of("commissioner"), Map.of());
    }

    public static String withRoles(String subject, List<String> roles, Map<String, String> claims) {
        return token(subject, roles, claims);
    }

    private static String token(String subject, List<String> roles, Map<String, String> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", roles));
        claims.forEach(builder::claim);
        return builder.sign();
    }
}
