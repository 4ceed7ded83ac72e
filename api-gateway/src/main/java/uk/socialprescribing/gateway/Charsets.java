package uk.socialprescribing.gateway;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/** Reading the charset a request's Content-Type names. */
final class Charsets {

    private Charsets() {
    }

    /** A charset there is a decoder for (clients label JSON ISO-8859-1 as well as UTF-8; "bogus" is neither). */
    static boolean knownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** The charset parameter of a Content-Type, unquoted, or null. */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }
}
