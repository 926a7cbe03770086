package com.nimbus.identity.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the server ({@code /error}), which answers failures that no controller handled: a request the
 * server refused before choosing a controller (a malformed path, a filter's refusal sent as an error), or an
 * exception thrown in a filter. Instead of Spring Boot's default JSON it answers the API's problem shape, with the
 * code of the status ({@link ApiExceptionHandler#codeOf}), and never the exception's message or stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.isCause(failure)) {
            return ApiExceptionHandler.databaseUnavailable(failure, request);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is2xxSuccessful() || status.is3xxRedirection()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError() ? ApiExceptionHandler.INTERNAL_DETAIL
                : status == HttpStatus.NOT_FOUND ? "There is nothing at this path."
                : status.getReasonPhrase() + ".";
        ProblemDetail problem = Problems.of(status, ApiExceptionHandler.codeOf(status), detail, Map.of());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                // a malformed path: the problem goes without it
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
