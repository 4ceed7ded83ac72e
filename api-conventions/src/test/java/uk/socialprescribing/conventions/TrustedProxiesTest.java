package uk.socialprescribing.conventions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.vertx.http.runtime.TrustedProxyCheck;
import io.quarkus.vertx.http.runtime.TrustedProxyCheckPartConverter;

/**
 * Every trusted proxy is an address, never a name: Quarkus resolves a name it is given (and takes {@code ::1} for one)
 * with a DNS lookup on every request, before the request goes on. Here that held each referral back by about 20 ms and
 * cut intake to a fraction of what the database takes.
 */
class TrustedProxiesTest {

    @Test
    void everyTrustedProxyIsAnAddressThatNeedsNoLookup() throws Exception {
        Properties configuration = new Properties();
        try (InputStream in = TrustedProxiesTest.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            configuration.load(in);
        }
        String proxies = configuration.getProperty("quarkus.http.proxy.trusted-proxies", "");
        assertFalse(proxies.isBlank(), "the gateway is a trusted proxy");
        Field hostName = TrustedProxyCheck.TrustedProxyCheckPart.class.getDeclaredField("hostName");
        hostName.setAccessible(true);
        for (String proxy : proxies.split(",")) {
            Object part = new TrustedProxyCheckPartConverter().convert(proxy.strip());
            assertNull(hostName.get(part), proxy + " is taken for a host name, looked up on every request: write it as a CIDR block");
        }
    }
}
