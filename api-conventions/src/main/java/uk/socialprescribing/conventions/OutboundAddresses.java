package uk.socialprescribing.conventions;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the platform may call out to (webhooks, directory feeds) on someone's say-so: only public addresses, unless an
 * address lies in a block the deployment allows (a partner on its private network, loopback for local trials). The
 * name is resolved here and every address it resolves to must pass: loopback, private, link-local (with the cloud
 * metadata address 169.254.169.254), carrier-grade NAT, unique-local IPv6, multicast and unspecified addresses are
 * refused otherwise (server-side request forgery). Callers check again before each request and on every redirect.
 */
public final class OutboundAddresses {

    /** An allowed block of addresses: "10.20.0.0/16", "127.0.0.0/8", "::1/128". */
    record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            // an address written out, never a name (which would be looked up)
            if (!host.matches("[0-9.]+") && !host.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                throw new IllegalArgumentException("not an address block: " + cidr);
            }
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("not an address block: " + cidr);
                }
                return new Block(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address block: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> allowed;

    private OutboundAddresses(List<Block> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Only public addresses, and those in these blocks (a configuration value; a bad block fails at start). */
    public static OutboundAddresses allowing(List<String> blocks) {
        List<Block> parsed = new ArrayList<>();
        for (String block : blocks) {
            if (!block.isBlank()) {
                parsed.add(Block.parse(block));
            }
        }
        return new OutboundAddresses(parsed);
    }

    /** Public addresses only. */
    public static OutboundAddresses publicOnly() {
        return new OutboundAddresses(List.of());
    }

    /** Also the loopback addresses (127.0.0.0/8, ::1). */
    public OutboundAddresses withLoopback() {
        List<Block> more = new ArrayList<>(allowed);
        more.add(Block.parse("127.0.0.0/8"));
        more.add(Block.parse("::1/128"));
        return new OutboundAddresses(more);
    }

    /**
     * Why {@code uri} may not be called, as the problem of the request's {@code field}, if it may not. A name that does
     * not resolve passes: the call then fails as unreachable.
     */
    public Optional<Problem.FieldError> refusal(String field, URI uri) {
        if (uri.getHost() == null) {
            return Optional.of(new Problem.FieldError(field, "Url", "must name a host"));
        }
        return refusal(field, resolve(uri));
    }

    /** As {@link #refusal(String, URI)}, for the addresses a name has already been resolved to. */
    public Optional<Problem.FieldError> refusal(String field, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(block -> block.contains(address))) {
                return Optional.of(new Problem.FieldError(field, "PublicAddress", "must be on a public address, not "
                        + address.getHostAddress() + " (" + kind(address) + "), unless the deployment allows it"));
            }
        }
        return Optional.empty();
    }

    /** The addresses of the URI's host, none when the name does not resolve. */
    public static InetAddress[] resolve(URI uri) {
        try {
            return uri.getHost() == null ? new InetAddress[0] : InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    /** Whether every address of this name is loopback (this machine). */
    public static boolean isLoopback(InetAddress[] addresses) {
        return addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    }

    static boolean isPublic(InetAddress address) {
        return kind(address) == null;
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return "carrier-grade NAT";
            }
            if (first == 0 || first >= 240 || first == 198 && (second == 18 || second == 19)) {
                return "reserved";
            }
            return null;
        }
        return (b[0] & 0xfe) == 0xfc ? "unique local" : null;
    }
}
