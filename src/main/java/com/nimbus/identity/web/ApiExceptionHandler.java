package com.nimbus.identity.web;

import com.nimbus.identity.vocabulary.DomainException;
import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the HTTP API into {@code application/problem+json} with a stable {@code code}: the
 * domain's exceptions by their category ({@link #status}), with their properties beside the code, and Spring's
 * own failures of a request into the same shape: an unreadable body, a missing part, parameter or header, a parameter
 * of the wrong type ({@code VALIDATION_FAILED} naming it), an oversized upload, an unknown path (404
 * {@code NOT_FOUND}), a method the path does not take (405 {@code METHOD_NOT_ALLOWED}), an answer the client does
 * not accept (406 {@code NOT_ACCEPTABLE}), another content type (415), and anything unexpected (500
 * {@code INTERNAL_ERROR}, logged, nothing of it told). Failures before a controller is chosen reach
 * {@link ProblemErrorController} instead.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The one place a domain category becomes an HTTP status. */
    static HttpStatus status(DomainException.Category category) {
        return switch (category) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return problem(status(e.category()), e.code(), e.getMessage(), e.properties());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return domain(new ValidationFailed(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return domain(ValidationFailed.of("body", "The request body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return domain(ValidationFailed.of(e.getRequestPartName(), "This part is required."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return domain(ValidationFailed.of(e.getParameterName(), "This parameter is required."));
    }

    /** An upload beyond the server's multipart limits never reaches the document store's own check. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "DOCUMENT_TOO_LARGE",
                "A document part is larger than 10 MiB, or the request larger than four of them.", Map.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e) {
        return domain(ValidationFailed.of("body", "Expected multipart/form-data with the part 'application' and one to four parts 'document'."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "MEDIA_TYPE_UNSUPPORTED",
                "Content type " + e.getContentType() + " is not supported here.", Map.of());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, codeOf(HttpStatus.NOT_FOUND),
                "There is no " + request.getMethod() + " " + request.getRequestURI() + ".", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.METHOD_NOT_ALLOWED, codeOf(HttpStatus.METHOD_NOT_ALLOWED),
                "This path does not take " + e.getMethod() + (e.getSupportedHttpMethods() == null ? "."
                        : "; it takes " + e.getSupportedHttpMethods() + "."), Map.of());
        return e.getSupportedHttpMethods() == null ? answer
                : ResponseEntity.status(answer.getStatusCode()).allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new))
                        .body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, codeOf(HttpStatus.NOT_ACCEPTABLE),
                "This endpoint answers with " + e.getSupportedMediaTypes() + " only.", Map.of());
    }

    /** A path variable or parameter that cannot be read as its type, e.g. {@code page=abc}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        return domain(ValidationFailed.of(e.getName(), "must be " + (type.equals("int") || type.equals("integer")
                || type.equals("long") ? "a whole number" : "a valid " + type)));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return domain(ValidationFailed.of(e.getHeaderName(), "This header is required."));
    }

    @ExceptionHandler({ServletRequestBindingException.class, HandlerMethodValidationException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        return domain(ValidationFailed.of("request", "The request's parameters or headers are not valid."));
    }

    /** Spring's failures that carry their own status (e.g. {@code ResponseStatusException}). */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> errorResponse(ErrorResponseException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        return problem(status, codeOf(status), status.is5xxServerError() ? INTERNAL_DETAIL
                : e.getBody().getDetail() == null ? status.getReasonPhrase() + "." : e.getBody().getDetail(), Map.of());
    }

    /**
     * Anything unexpected: logged with its cause, answered without it; but the database out of reach (restarting, the
     * pool's connections lost) is 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, since the same request will
     * succeed once it is back and nothing was stored meanwhile.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e, request);
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, codeOf(HttpStatus.INTERNAL_SERVER_ERROR), INTERNAL_DETAIL,
                Map.of());
    }

    static ResponseEntity<ProblemDetail> databaseUnavailable(Throwable e, HttpServletRequest request) {
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, codeOf(HttpStatus.SERVICE_UNAVAILABLE),
                        DatabaseUnavailable.DETAIL, Map.of()));
    }

    static final String RETRY_AFTER_SECONDS = "5";

    static final String INTERNAL_DETAIL = "The request failed on the server; it has been logged.";

    /**
     * The code of a failure that has no code of the domain: the status's name ({@code NOT_FOUND},
     * {@code METHOD_NOT_ALLOWED}, {@code TOO_MANY_REQUESTS}), except 415 {@code MEDIA_TYPE_UNSUPPORTED}, 400
     * {@code VALIDATION_FAILED} and 500 {@code INTERNAL_ERROR}.
     */
    public static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ValidationFailed.CODE;
            case UNSUPPORTED_MEDIA_TYPE -> "MEDIA_TYPE_UNSUPPORTED";
            case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
            default -> status.name();
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
                                                         Map<String, Object> properties) {
        if (status.is5xxServerError()) {
            log.error("API failure {}: {}", code, detail);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, code, detail, properties));
    }
}
