package com.nimbus.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every error of {@code /api}: {@code application/problem+json} (RFC 9457) with the status's reason
 * phrase as {@code title}, a {@code detail} for people and a stable {@code code} for clients, plus the properties of
 * the code. Controllers answer through {@link ApiExceptionHandler}; filters in front of them (authentication,
 * throttling, idempotency) and the error page write it with {@link #write}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** Writes the problem as the whole answer to {@code request}, with the request's path as {@code instance}. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             HttpStatus status, String code, String detail) throws IOException {
        write(request, response, json, of(status, code, detail, Map.of()));
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null && request.getRequestURI() != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // the path itself is malformed: the problem goes without it
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
