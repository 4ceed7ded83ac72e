package uk.socialprescribing.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * One platform for every end-to-end test class: the first class to need it starts it (./platform up, on the tests'
 * own ports and databases, from empty databases); it is stopped once, when the whole run ends.
 */
final class PlatformUp implements BeforeAllCallback {

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
            }
        }
    }
}
