package uk.socialprescribing.e2e;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * One platform for every end-to-end test class: the first class to need it starts it (./platform up, on the tests'
 * own ports and databases, from empty databases and topics, its services reaching PostgreSQL through the fault
 * tests' {@link DatabaseProxy}); it is stopped once, when the whole run ends.
 */
final class PlatformUp implements BeforeAllCallback {

    /** Between the tests' own platform and PostgreSQL, for the fault tests; null on a platform already running. */
    private static volatile DatabaseProxy databaseProxy;

    static DatabaseProxy databaseProxy() {
        return databaseProxy;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(PlatformUp.class, key -> start(), Started.class);
        RestAssured.baseURI = LocalPlatform.gateway();
    }

    private static Started start() {
        if (!LocalPlatform.ALREADY_RUNNING) {
            try {
                LocalPlatform.run("down");
                LocalPlatform.dropDatabases();
                LocalPlatform.dropTopics();
                databaseProxy = new DatabaseProxy(LocalPlatform.DATABASE_PROXY, new InetSocketAddress("127.0.0.1", 5432)).open();
                LocalPlatform.run("up");
            } catch (Exception e) {
                throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
            }
        }
        return new Started();
    }

    /** Closed by JUnit when the run ends. */
    private static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            if (!LocalPlatform.ALREADY_RUNNING) {
                LocalPlatform.run("down");
                databaseProxy.close();
            }
        }
    }
}
