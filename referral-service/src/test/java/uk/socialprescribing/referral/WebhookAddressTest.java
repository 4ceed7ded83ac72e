package uk.socialprescribing.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.socialprescribing.conventions.OutboundAddresses;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.referral.feedback.Webhooks;

/**
 * Where a webhook may send messages about people: https on a public address in production; in the dev and test
 * profiles, this machine too, to try webhooks locally. Addresses are literal here, so no name is looked up.
 */
class WebhookAddressTest {

    static String rule(String url, boolean allowLoopback) {
        Optional<Problem.FieldError> refusal = Webhooks.refusal(URI.create(url), allowLoopback);
        return refusal.map(Problem.FieldError::rule).orElse("allowed");
    }

    @Test
    void productionSendsOnlyOverHttpsToPublicAddresses() {
        assertEquals("allowed", rule("https://203.0.113.10/social-prescribing/messages", false));
        assertEquals("Https", rule("http://203.0.113.10/social-prescribing/messages", false));
        for (String inside : new String[] { "https://127.0.0.1/x", "https://[::1]/x", "https://10.1.2.3/x", "https://172.16.0.9/x",
                "https://192.168.1.20/x", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/x", "https://0.0.0.0/x",
                "https://[fd12:3456::1]/x", "https://[fe80::1]/x" }) {
            assertEquals("PublicAddress", rule(inside, false), inside);
        }
    }

    @Test
    void devAndTestMayTryThisMachineOverHttpButNothingElsePrivate() {
        assertEquals("allowed", rule("http://127.0.0.1:8099/hook", true));
        assertEquals("allowed", rule("https://[::1]:8099/hook", true));
        assertEquals("PublicAddress", rule("https://10.1.2.3/x", true));
        assertEquals("Https", rule("http://203.0.113.10/x", true));
    }

    @Test
    void aDeploymentMayAllowAReferrersPrivateNetworkButStillNotMetadataOrPlainHttp() {
        OutboundAddresses hscn = OutboundAddresses.allowing(List.of("10.20.0.0/16"));
        assertEquals("allowed", Webhooks.refusal(URI.create("https://10.20.1.2/hook"), false, hscn).map(Problem.FieldError::rule).orElse("allowed"));
        assertEquals("PublicAddress", Webhooks.refusal(URI.create("https://10.21.1.2/hook"), false, hscn).map(Problem.FieldError::rule).orElse("allowed"));
        assertEquals("PublicAddress", Webhooks.refusal(URI.create("https://169.254.169.254/x"), false, hscn).map(Problem.FieldError::rule)
                .orElse("allowed"));
        assertEquals("Https", Webhooks.refusal(URI.create("http://10.20.1.2/hook"), false, hscn).map(Problem.FieldError::rule).orElse("allowed"));
    }
}
