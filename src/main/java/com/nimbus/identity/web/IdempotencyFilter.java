package com.nimbus.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.ValidationFailed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the API's creating {@code POST}s (SPEC). The request runs inside one database transaction
 * together with the insert of the key (per API client): the services' transactions join it, so a creation and its key
 * are committed together or not at all. The same key again within 24 hours, with the same request, answers the first
 * answer again ({@code Idempotent-Replayed: true}) and creates nothing; a concurrent one waits for the first to end.
 * With another request, 422 {@code IDEMPOTENCY_KEY_REUSED}. Only a success is remembered: a request that failed changed
 * nothing, so the same key may try again.
 * <p>
 * "The same request" is the same method and path and the same body: JSON compared by content (key order and spacing
 * do not matter), multipart by its parts' names and bytes (not the boundary, which a client chooses anew each time),
 * anything else byte by byte. Not covered, and the header ignored: the issuing of API keys (the answer holds the key,
 * which must not be kept), the registry import (an upsert of a large file: running it twice gives the same registry),
 * withdrawals and marking messages read (the same call twice has the same effect).
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY = 255;
    /** A body larger than this (not multipart) is refused with a key: no creating request of the API comes near. */
    static final int MAX_BODY = 1024 * 1024;
    private static final Pattern NOT_COVERED = Pattern.compile(
            "/api/api-keys/?|/api/enterprise-registry/.*|.*/withdrawal/?|.*/messages/[^/]+/read/?");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY + "}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ObjectMapper canonicalJson;

    IdempotencyFilter(IdempotencyKeys keys, TransactionTemplate transaction, ObjectMapper json) {
        this.keys = keys;
        this.transaction = transaction;
        this.json = json;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** Thrown inside the transaction when the key is taken, to roll it back. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    private record Captured(int status, String contentType, String location, byte[] body) {
    }

    /** Whether a {@code POST} to {@code path} (a path of {@code /api}) takes an {@code Idempotency-Key}. */
    static boolean covers(String path) {
        return path.startsWith("/api/") && !NOT_COVERED.matcher(path).matches();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equalsIgnoreCase(request.getMethod()) || request.getHeader(HEADER) == null || !covers(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (!KEY.matcher(key).matches()) {
            problem(request, response, Problems.of(HttpStatus.BAD_REQUEST, ValidationFailed.CODE,
                    "The request has invalid fields.", Map.of("errors", List.of(new FieldError(HEADER,
                            "must be 1 to " + MAX_KEY + " printable ASCII characters without spaces")))));
            return;
        }
        HttpServletRequest readable = request;
        MessageDigest fingerprint = sha256();
        fingerprint.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        if (isMultipart(request)) {
            if (!digestParts(request, fingerprint)) {
                chain.doFilter(request, response);
                return;
            }
        } else {
            byte[] body = readBody(request);
            if (body == null) {
                problem(request, response, Problems.of(HttpStatus.BAD_REQUEST, ValidationFailed.CODE,
                        "The request has invalid fields.", Map.of("errors", List.of(new FieldError("body",
                                "must be at most " + MAX_BODY / 1024 + " KiB")))));
                return;
            }
            fingerprint.update(canonical(request, body));
            readable = new CachedBodyRequest(request, body);
        }
        String requestHash = HexFormat.of().formatHex(fingerprint.digest());
        String client = caller.getName();
        HttpServletRequest toRun = readable;
        Captured answer;
        try {
            answer = transaction.execute(status -> {
                try {
                    keys.take(client, key, requestHash);
                } catch (DuplicateKeyException taken) {
                    throw new KeyTaken();
                }
                ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(toRun, capture);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                Captured captured = new Captured(capture.getStatus(), capture.getContentType(),
                        capture.getHeader(HttpHeaders.LOCATION), capture.getContentAsByteArray());
                if (HttpStatus.valueOf(captured.status()).is2xxSuccessful()) {
                    keys.answer(client, key, captured.status(), captured.contentType(), captured.location(),
                            captured.body());
                } else {
                    status.setRollbackOnly();
                }
                return captured;
            });
        } catch (KeyTaken taken) {
            replay(request, response, client, key, requestHash);
            return;
        }
        response.getOutputStream().write(answer.body());
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, String client, String key,
                        String requestHash) throws IOException {
        Optional<IdempotencyKeys.Stored> stored = keys.find(client, key);
        if (stored.isEmpty() || stored.get().status() == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(request, response, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                    "Another request with this Idempotency-Key is running; send it again in a moment.", Map.of()));
            return;
        }
        if (!stored.get().requestHash().equals(requestHash)) {
            log.info("Idempotency-Key of client {} reused with another request on {}", client, request.getRequestURI());
            problem(request, response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used with another request in the last 24 hours; use a new key for a new "
                            + "request.", Map.of()));
            return;
        }
        IdempotencyKeys.Stored first = stored.get();
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        response.setHeader(REPLAYED, "true");
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response,
                         org.springframework.http.ProblemDetail problem) throws IOException {
        Problems.write(request, response, json, problem);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** Digests every part's name and bytes; false when the parts cannot be read (the request then fails anyway). */
    private static boolean digestParts(HttpServletRequest request, MessageDigest fingerprint) throws IOException {
        try {
            for (Part part : request.getParts()) {
                fingerprint.update(("\n" + part.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(part.getInputStream(), fingerprint)) {
                    in.transferTo(OutputStreamSink.INSTANCE);
                }
            }
            return true;
        } catch (ServletException | IllegalStateException e) {
            return false;
        }
    }

    /** The body as it is compared: JSON re-written with its keys in order, anything else as sent. */
    private byte[] canonical(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            try {
                return canonicalJson.writeValueAsBytes(json.readValue(body, Object.class));
            } catch (IOException notJson) {
                return body;
            }
        }
        return body;
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + n > MAX_BODY) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the bytes of a part go once digested. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
