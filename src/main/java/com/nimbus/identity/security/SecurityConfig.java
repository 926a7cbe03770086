package com.nimbus.identity.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.web.Problems;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what:
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic of an engine user or an API key ({@code Authorization: Bearer idv_...},
 *   {@link ApiKeys}), wrong credentials throttled per client address ({@link LoginThrottle}). Users of the group
 *   {@code api-clients} (the console's backend), except the process owners' endpoints (the enterprise re-check's
 *   {@code /api/enterprise-rechecks/**} and {@code /api/enterprise-registry/**}, quota keys
 *   {@code /api/identity-quotas/**}, migration of waiting instances {@code /api/process-migrations/**}): users of
 *   the group {@code process-owners}; and the API keys ({@code /api/api-keys/**}) and the operators' endpoints
 *   ({@code /api/admin/**}, e.g. failed webhook deliveries, key rotations): {@code camunda-admin}; the audit trail
 *   ({@code /api/audit-entries}): {@code compliance-officers};</li>
 *   <li>{@code /engine-rest/**}: HTTP Basic against the engine's users, with the engine's authorizations;</li>
 *   <li>{@code /camunda/**}: the webapps' own login and CSRF protection;</li>
 *   <li>{@code /review/**}: the webapps' session of a reviewer (checked by the review controller);</li>
 *   <li>{@code /actuator/health}: open for probes; other actuator endpoints: {@code camunda-admin}.</li>
 *   <li>{@code /v3/api-docs/**}, {@code /swagger-ui.html}, {@code /swagger-ui/**}: open, the API's description
 *   (it holds no data).</li>
 * </ul>
 * Every refusal of {@code /api} is problem+json with a {@code code}: 401 {@code UNAUTHORIZED}, 403 {@code FORBIDDEN},
 * 429 {@code TOO_MANY_REQUESTS}.
 */
@Configuration
class SecurityConfig {

    static final String API_CLIENTS = ApiUserAuthenticationProvider.authority(UserGroups.API_CLIENTS);
    static final String PROCESS_OWNERS = ApiUserAuthenticationProvider.authority(UserGroups.PROCESS_OWNERS);
    static final String ADMINS = ApiUserAuthenticationProvider.authority(UserGroups.ADMINS);
    static final String COMPLIANCE_OFFICERS = ApiUserAuthenticationProvider.authority(UserGroups.COMPLIANCE_OFFICERS);

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiUserAuthenticationProvider users, ApiKeys keys, LoginThrottle throttle,
                            ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"identity-verification\", Bearer realm=\"identity-verification\"");
            Problems.write(request, response, json, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "Valid credentials are required: HTTP Basic of an API client, or an API key (Bearer).");
        };
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(ADMINS)
                        .requestMatchers("/api/api-keys", "/api/api-keys/**", "/api/admin/**").hasAuthority(ADMINS)
                        .requestMatchers("/api/enterprise-rechecks/**", "/api/enterprise-registry/**",
                                "/api/identity-quotas/**", "/api/process-migrations/**")
                        .hasAuthority(PROCESS_OWNERS)
                        .requestMatchers("/api/audit-entries", "/api/audit-entries/**").hasAuthority(COMPLIANCE_OFFICERS)
                        .anyRequest().hasAuthority(API_CLIENTS))
                .authenticationProvider(users)
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiKeyAuthenticationFilter(keys, users, unauthorized), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response, json,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "This user may not call this endpoint.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Everything else: the webapps and the engine's REST API authenticate on their own (see below). */
    @Bean
    @Order(2)
    SecurityFilterChain rest(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /** {@code /engine-rest}: HTTP Basic against the engine's users; the engine's authorizations then apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER);
        return registration;
    }

    /** The order of the engine REST API's authentication among the servlet filters; later filters see its user. */
    static final int ENGINE_REST_AUTHENTICATION_ORDER = 200;
}
