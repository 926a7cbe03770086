package com.nimbus.identity.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbus.identity.vocabulary.Workflow;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets a task form speak the reviewer's language: to the answer of {@code GET .../task/{id}/form-variables} (the
 * engine's REST API and its mount in the webapps, which Tasklist asks before it draws a Camunda Form) it adds the
 * String variable {@code reviewerLanguage}, {@code zh} when the browser's first language of {@code Accept-Language}
 * is a Chinese one, else {@code en}, as Tasklist chooses for its own texts. The forms' labels are
 * expressions over it. Nothing is stored: two reviewers of one task each read their own language.
 */
class ReviewerLanguageFilter extends OncePerRequestFilter {

    private static final Pattern FORM_VARIABLES = Pattern.compile("/task/[^/]+/form-variables/?");

    private final ObjectMapper json;
    private final Pattern engineApi;

    ReviewerLanguageFilter(ObjectMapper json, String webappPath) {
        this.json = json;
        this.engineApi = Pattern.compile("(/engine-rest(/engine/[^/]+)?|" + Pattern.quote(webappPath)
                + "/api/engine/engine/[^/]+)" + FORM_VARIABLES.pattern());
    }

    /**
     * {@code zh} when the browser's first language is a Chinese one, else {@code en}: the choice Tasklist makes for its
     * own texts from the browser's first language, so the form and Tasklist around it agree.
     */
    static String language(Enumeration<Locale> preferred) {
        return preferred != null && preferred.hasMoreElements() && "zh".equals(preferred.nextElement().getLanguage())
                ? "zh" : "en";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equalsIgnoreCase(request.getMethod()) || !engineApi.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        byte[] body = answer.getContentAsByteArray();
        if (answer.getStatus() == HttpServletResponse.SC_OK && body.length > 0) {
            JsonNode variables = readObject(body);
            if (variables != null) {
                ObjectNode variable = ((ObjectNode) variables).putObject(Workflow.Var.REVIEWER_LANGUAGE);
                variable.put("type", "String");
                variable.put("value", request.getHeader("Accept-Language") == null
                        ? "en" : language(request.getLocales()));
                variable.putObject("valueInfo");
                answer.resetBuffer();
                answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
                answer.getOutputStream().write(json.writeValueAsBytes(variables));
            }
        }
        answer.copyBodyToResponse();
    }

    private JsonNode readObject(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
