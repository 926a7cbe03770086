package com.nimbus.identity.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of {@code /api}'s sign-in: a request that carries credentials from an address that sent too many wrong
 * ones lately is answered 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After}, without looking at its credentials;
 * every 401 answered to a request with credentials counts as a wrong one ({@link LoginThrottle}). The address is the
 * request's remote address: the connecting peer, or, behind a proxy the server is told to trust
 * ({@code server.forward-headers-strategy}), the client the proxy names.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> refused = throttle.refusedFor(address);
        if (refused.isPresent()) {
            long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
            log.warn("Sign-in to /api from {} refused for {} s more: too many wrong credentials", address, seconds);
            response.setHeader("Retry-After", String.valueOf(seconds));
            Problems.write(request, response, json, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                    "Too many wrong credentials from this address; try again in " + seconds + " seconds.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(address);
        }
    }
}
