package uk.socialprescribing.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where the platform may call out to: public addresses, and the blocks a deployment allows. Literal addresses: no lookup. */
class OutboundAddressesTest {

    static String rule(OutboundAddresses addresses, String url) {
        return addresses.refusal("url", URI.create(url)).map(Problem.FieldError::rule).orElse("allowed");
    }

    @Test
    void onlyPublicAddressesByDefault() {
        OutboundAddresses none = OutboundAddresses.publicOnly();
        for (String inside : List.of("http://127.0.0.1/x", "http://127.8.9.10/x", "http://[::1]/x", "http://10.0.0.1/x", "http://172.16.0.9/x",
                "http://172.31.255.255/x", "http://192.168.1.20/x", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/x",
                "http://0.0.0.0/x", "http://[fd12:3456::1]/x", "http://[fe80::1]/x", "http://224.0.0.1/x", "http://240.0.0.1/x",
                "http://198.18.0.1/x", "http://[::ffff:127.0.0.1]/x", "http://[::]/x")) {
            assertEquals("PublicAddress", rule(none, inside), inside);
        }
        for (String outside : List.of("https://203.0.113.10/x", "http://8.8.8.8/x", "http://172.32.0.1/x", "http://100.128.0.1/x",
                "http://[2001:db8::1]/x")) {
            assertEquals("allowed", rule(none, outside), outside);
        }
        assertEquals("PublicAddress", rule(none, "http://169.254.169.254/"));
        assertEquals("must be on a public address, not 169.254.169.254 (link-local), unless the deployment allows it",
                none.refusal("url", URI.create("http://169.254.169.254/")).orElseThrow().message());
    }

    @Test
    void aDeploymentAllowsBlocksOfItsOwnAndNoMore() {
        OutboundAddresses hscn = OutboundAddresses.allowing(List.of("10.20.0.0/16", " ", "fd00:1::/32"));
        assertEquals("allowed", rule(hscn, "https://10.20.3.4/x"));
        assertEquals("PublicAddress", rule(hscn, "https://10.21.0.1/x"));
        assertEquals("allowed", rule(hscn, "https://[fd00:1:2::3]/x"));
        assertEquals("PublicAddress", rule(hscn, "https://[fd00:2::3]/x"));
        assertEquals("PublicAddress", rule(hscn, "http://169.254.169.254/"));
        assertEquals("PublicAddress", rule(hscn, "http://127.0.0.1/"));
        OutboundAddresses local = OutboundAddresses.publicOnly().withLoopback();
        assertEquals("allowed", rule(local, "http://127.0.0.1:8099/x"));
        assertEquals("allowed", rule(local, "http://[::1]:8099/x"));
        assertEquals("PublicAddress", rule(local, "http://10.0.0.1/x"));
        // one address written out, a /32: that address only
        OutboundAddresses one = OutboundAddresses.allowing(List.of("192.168.7.7"));
        assertEquals("allowed", rule(one, "http://192.168.7.7/x"));
        assertEquals("PublicAddress", rule(one, "http://192.168.7.8/x"));
    }

    @Test
    void aBlockThatIsNotOneFailsAtStartNotLater() {
        for (String bad : List.of("example.org", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "localhost")) {
            assertThrows(IllegalArgumentException.class, () -> OutboundAddresses.allowing(List.of(bad)), bad);
        }
    }
}
