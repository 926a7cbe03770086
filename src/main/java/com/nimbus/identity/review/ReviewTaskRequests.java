package com.nimbus.identity.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ReviewTaskRequestFilter} and {@link ReviewerLanguageFilter} in front of the engine's REST API and of its mount in the webapps. */
@Configuration(proxyBeanMethods = false)
class ReviewTaskRequests {

    /** After the engine REST API's authentication (order 200, {@code SecurityConfig}), so that its user is known. */
    static final int ORDER = 300;

    @Bean
    FilterRegistrationBean<ReviewTaskRequestFilter> reviewTaskRequestFilter(
            TaskService tasks, IdentityService identity, ReviewerSession session, ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<ReviewTaskRequestFilter> registration = new FilterRegistrationBean<>(
                new ReviewTaskRequestFilter(tasks, identity, session, json, webappPath));
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        registration.setName("review-task-requests");
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ReviewerLanguageFilter> reviewerLanguageFilter(
            ObjectMapper json, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<ReviewerLanguageFilter> registration = new FilterRegistrationBean<>(
                new ReviewerLanguageFilter(json, webappPath));
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        registration.setName("reviewer-language");
        registration.setOrder(ORDER + 1);
        return registration;
    }
}
