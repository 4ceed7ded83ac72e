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

    /** A link worker of a primary care network, named afresh each time. */
    public static String linkWorker(String pcn) {
        return linkWorker("lw-" + UUID.randomUUID(), pcn);
    }

    /** A link worker of a primary care network, by user name. */
    public static String linkWorker(String username, String pcn) {
        return token(username, List.of("link-worker"), Map.of("pcn", pcn));
    }

    /** The lead of a primary care network's link workers, by user name. */
    public static String lead(String username, String pcn) {
        return token(username, List.of("link-worker-lead"), Map.of("pcn", pcn));
    }

    /** A lead of a primary care network, named after it. */
    public static String lead(String pcn) {
        return lead("lead-" + pcn, pcn);
    }

    /** A VCSE partner acting for its organisation, named after it. */
    public static String vcsePartner(String organisationId) {
        return token("partner-" + organisationId, List.of("vcse-partner"), Map.of("organisation_id", organisationId));
    }

    /** Another agency's referring system (housing, police, a charity): its organisation id and its kind of referrer. */
    public static String agency(String organisationId, String kind) {
        return token("service-account-" + kind + "-" + organisationId, List.of("referrer"),
                Map.of("organisation_id", organisationId, "referrer_kind", kind));
    }

    public static String commissioner() {
        return token("service-account-commissioner", List.of("commissioner"), Map.of());
    }

    /** The platform's administrator. */
    public static String admin() {
        return token("sam.admin", List.of("admin"), Map.of());
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
