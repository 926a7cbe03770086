package com.nimbus.identity.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go. Checked when a subscription is made (a clear 400) and again at every delivery, where the
 * address rule applies to the addresses the connection is actually made to ({@link GuardedDnsResolver}): a name that
 * resolves to a public address when subscribing and to an internal one later (DNS rebinding) is still refused.
 * Redirects are never followed, so a public target cannot hand the request on to an internal one.
 */
@Component
public class TargetPolicy {

    static final int MAX_URL_LENGTH = 2000;

    private final boolean httpsOnly;
    private final boolean refusePrivateAddresses;
    private final Set<String> allowedHosts;

    @Autowired
    public TargetPolicy(WebhookProperties properties) {
        this(properties.httpsOnly(), properties.refusePrivateAddresses(), properties.allowedHosts());
    }

    TargetPolicy(boolean httpsOnly, boolean refusePrivateAddresses, List<String> allowedHosts) {
        this.httpsOnly = httpsOnly;
        this.refusePrivateAddresses = refusePrivateAddresses;
        this.allowedHosts = allowedHosts == null ? Set.of() : allowedHosts.stream()
                .map(TargetPolicy::canonicalHost).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Why the URL is refused as a target, or empty when it is accepted: its form (absolute {@code http(s)} URL with a
     * host, no credentials, no fragment, {@code https} where required) and, where private addresses are refused,
     * every address its host resolves to now.
     */
    public Optional<String> refusal(String url) {
        Optional<String> form = formRefusal(url);
        if (form.isPresent()) {
            return form;
        }
        String host = URI.create(url.strip()).getHost();
        if (!checksAddresses(host)) {
            return Optional.empty();
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return Arrays.stream(addresses).anyMatch(a -> !isPublic(a))
                    ? Optional.of("must not point to a loopback, private or link-local address (" + host + ")")
                    : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("has a host that cannot be resolved (" + host + ")");
        }
    }

    /** The checks of {@link #refusal} that need no name resolution. */
    public Optional<String> formRefusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.strip().length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(httpsOnly ? "must be an absolute https URL" : "must be an absolute http or https URL");
        }
        if (httpsOnly && !scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /** Whether the addresses of {@code host} are checked: private addresses refused and the host not exempt. */
    boolean checksAddresses(String host) {
        return refusePrivateAddresses && !allowedHosts.contains(canonicalHost(host));
    }

    /**
     * Whether an address is one the internet routes to a third party: not unspecified, loopback, link-local,
     * private (RFC 1918), shared (RFC 6598), multicast, broadcast, unique-local IPv6 (fc00::/7), nor an IPv6 form of
     * one of those IPv4 addresses (mapped, compatible, NAT64).
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // shared address space (carrier NAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // deprecated site-local fec0::/10
                return false;
            }
            if (embedsIpv4(b)) {
                return isPublic(ipv4(b[12], b[13], b[14], b[15]));
            }
        }
        return true;
    }

    /** ::a.b.c.d (compatible), ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64). */
    private static boolean embedsIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean compatibleOrMapped = zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return compatibleOrMapped || nat64;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonicalHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
