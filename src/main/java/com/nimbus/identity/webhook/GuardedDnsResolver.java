package com.nimbus.identity.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The webhook client's name resolution: the system's, with the addresses the {@link TargetPolicy} refuses taken out.
 * The client connects only to what this returns, so the check holds for the connection actually made, however the
 * name resolves at that moment (no window between a check and the connection). A host left with no address fails
 * the attempt with the reason.
 */
class GuardedDnsResolver implements DnsResolver {

    private final TargetPolicy policy;
    private final DnsResolver system;

    GuardedDnsResolver(TargetPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    GuardedDnsResolver(TargetPolicy policy, DnsResolver system) {
        this.policy = policy;
        this.system = system;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = system.resolve(host);
        if (!policy.checksAddresses(host)) {
            return all;
        }
        InetAddress[] allowed = Arrays.stream(all).filter(TargetPolicy::isPublic).toArray(InetAddress[]::new);
        if (allowed.length == 0) {
            throw new UnknownHostException("refused: " + host + " resolves only to loopback, private or link-local "
                    + "addresses " + Arrays.toString(all));
        }
        return allowed;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }
}
