package com.nimbus.identity.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.vocabulary.UserGroups;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what:
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic, users of the group {@code api-clients} (the console's backend), except the
 *   administration endpoints of the enterprise re-check ({@code /api/enterprise-rechecks/**},
 *   {@code /api/enterprise-registry/**}): users of the group {@code process-owners}, and the operators' endpoints
 *   ({@code /api/admin/**}, e.g. failed webhook deliveries): users of the group {@code camunda-admin};</li>
 *   <li>{@code /engine-rest/**}: HTTP Basic against the engine's users, with the engine's authorizations;</li>
 *   <li>{@code /camunda/**}: the webapps' own login and CSRF protection;</li>
 *   <li>{@code /review/**}: the webapps' session of a reviewer (checked by the review controller);</li>
 *   <li>{@code /actuator/health}: open for probes; other actuator endpoints: {@code camunda-admin}.</li>
 *   <li>{@code /v3/api-docs/**}, {@code /swagger-ui.html}, {@code /swagger-ui/**}: open, the API's description
 *   (it holds no data).</li>
 * </ul>
 */
@Configuration
class SecurityConfig {

    static final String API_CLIENTS = "GROUP_" + UserGroups.API_CLIENTS;
    static final String PROCESS_OWNERS = "GROUP_" + UserGroups.PROCESS_OWNERS;

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, CamundaUserAuthenticationProvider users, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority("GROUP_camunda-admin")
                        .requestMatchers("/api/admin/**").hasAuthority("GROUP_camunda-admin")
                        .requestMatchers("/api/enterprise-rechecks/**", "/api/enterprise-registry/**")
                        .hasAuthority(PROCESS_OWNERS)
                        .anyRequest().hasAuthority(API_CLIENTS))
                .authenticationProvider(users)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"identity-verification\"");
                    problem(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Valid credentials are required.");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN", "This user may not call this endpoint.")))
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
        registration.setOrder(200);
        return registration;
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
                                String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
