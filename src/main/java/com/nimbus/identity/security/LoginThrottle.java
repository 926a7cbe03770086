package com.nimbus.identity.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts wrong credentials per client address on this node, in a window of {@code period} from the first failure:
 * after {@code maxFailures} the address is refused until the window ends. Accounts are never locked, so nobody shuts a
 * client out by guessing its password; the guesser shuts out only himself. IPv6 addresses count per /64 network, the
 * block one subscriber usually holds. The map is bounded (least recently seen addresses forgotten first) and lives in
 * memory: with several nodes each counts its own share. Time comes from the application's clock.
 */
@Component
class LoginThrottle {

    private record Window(Instant start, int failures) {
    }

    private final Clock clock;
    private final int maxFailures;
    private final Duration period;
    private final Map<String, Window> windows;

    LoginThrottle(Clock clock, ApiProperties properties) {
        this.clock = clock;
        this.maxFailures = properties.loginThrottle().maxFailures();
        this.period = properties.loginThrottle().period();
        int maxAddresses = properties.loginThrottle().maxAddresses();
        this.windows = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** How long requests with credentials from {@code address} are still refused; empty when they are not. */
    synchronized Optional<Duration> refusedFor(String address) {
        Instant now = clock.instant();
        Window window = windows.get(key(address));
        if (window == null || over(window, now) || window.failures() < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(period)));
    }

    /** Counts one wrong credential from {@code address}. */
    synchronized void failed(String address) {
        Instant now = clock.instant();
        String key = key(address);
        Window window = windows.get(key);
        windows.put(key, window == null || over(window, now) ? new Window(now, 1)
                : new Window(window.start(), window.failures() + 1));
    }

    private boolean over(Window window, Instant now) {
        return now.isBefore(window.start()) || !now.isBefore(window.start().plus(period));
    }

    static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? "v6:" + Arrays.toString(Arrays.copyOf(bytes, 8)) : address;
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
    }
}
