package uk.socialprescribing.events;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that lets one request be followed through every service: the HTTP header it arrives in, the logging context
 * key it is kept under, and the CloudEvents extension events carry it in ({@code ce_requestid} on Kafka). One rule
 * for what may be one: short, and only characters safe in a header and a log line.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The logging context (MDC) key. */
    public static final String LOG_KEY = "requestId";
    /** The CloudEvents extension attribute. */
    public static final String EXTENSION = "requestid";

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {
    }

    /** Whether a given value may serve as a request id. */
    public static boolean usable(String given) {
        return given != null && USABLE.matcher(given).matches();
    }

    /** The given id when it is usable, else a new one. */
    public static String usableOrNew(String given) {
        return usable(given) ? given : UUID.randomUUID().toString();
    }
}
