package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.UserGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer idv_...}: signs the request in as the API client the key belongs to, with that user's
 * groups, as long as the key is not revoked and the user is still in {@code api-clients}. A key that opens nothing is
 * answered 401 at once, like a wrong password.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final ApiUserAuthenticationProvider users;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys keys, ApiUserAuthenticationProvider users, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> client = keys.clientOf(header.substring(BEARER.length()).strip());
        List<GrantedAuthority> groups = client.map(users::groupsOf).orElse(List.of());
        if (client.isEmpty() || !groups.contains(new SimpleGrantedAuthority(
                ApiUserAuthenticationProvider.authority(UserGroups.API_CLIENTS)))) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null, groups));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
