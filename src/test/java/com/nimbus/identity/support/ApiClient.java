package com.nimbus.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for tests, as the console's backend, a reviewer's browser or a REST client would call. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final HttpClient http;
    private final CookieManager cookies;
    private final Map<String, String> headers;

    private ApiClient(String base, String authorization, HttpClient http, CookieManager cookies,
                      Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
        this.cookies = cookies;
        this.headers = headers;
    }

    private static ApiClient of(int port, String authorization) {
        CookieManager cookies = new CookieManager();
        return new ApiClient("http://localhost:" + port, authorization,
                HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, Map.of());
    }

    public static ApiClient as(int port, String user, String password) {
        return of(port, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** With an API key, {@code Authorization: Bearer <key>}. */
    public static ApiClient withApiKey(int port, String key) {
        return of(port, "Bearer " + key);
    }

    public static ApiClient anonymous(int port) {
        return of(port, null);
    }

    /** The same client (and session) sending one more header on every request. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, authorization, http, cookies, Map.copyOf(more));
    }

    /**
     * The same client as if it called from {@code address}: the test profile trusts {@code X-Forwarded-For} from the
     * machine itself, as a production node trusts its TLS proxy.
     */
    public ApiClient from(String address) {
        return withHeader("X-Forwarded-For", address);
    }

    public record Response(int status, String contentType, byte[] body, Map<String, List<String>> headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST without a body, e.g. a rotation or a redelivery. */
    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, with a body of the given content type (or none when {@code body} is null). */
    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** multipart/form-data with a JSON part {@code application} and a file part {@code document}. */
    public Response submit(String accountId, String applicationJson, byte[] document, String fileName) {
        return submitParts(accountId, applicationJson, document == null ? List.of() : List.of(document));
    }

    /** As {@link #submit(String, String, byte[], String)}, with the multipart boundary given. */
    public Response submit(String accountId, String applicationJson, byte[] document, String fileName, String boundary) {
        return submitParts(accountId, applicationJson, List.of(document), boundary);
    }

    /** multipart/form-data with a JSON part {@code application} and a file part {@code document} for each of {@code documents}. */
    public Response submitParts(String accountId, String applicationJson, List<byte[]> documents) {
        return submitParts(accountId, applicationJson, documents, "----" + UUID.randomUUID());
    }

    private Response submitParts(String accountId, String applicationJson, List<byte[]> documents, String boundary) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + applicationJson + "\r\n");
        writeDocumentParts(body, boundary, documents);
        write(body, "--" + boundary + "--\r\n");
        return send(request("/api/accounts/" + accountId + "/verification-applications")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A file part {@code document} for each of {@code documents}, named page-1, page-2... */
    private static void writeDocumentParts(ByteArrayOutputStream body, String boundary, List<byte[]> documents) {
        for (int i = 0; i < documents.size(); i++) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"page-" + (i + 1)
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(documents.get(i));
            write(body, "\r\n");
        }
    }

    /** {@code PUT .../document}: multipart/form-data with a file part {@code document} for each of {@code documents}. */
    public Response replaceDocument(String accountId, String applicationId, List<byte[]> documents) {
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeDocumentParts(body, boundary, documents);
        write(body, "--" + boundary + "--\r\n");
        return send(request("/api/accounts/" + accountId + "/verification-applications/" + applicationId + "/document")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Deploys one BPMN model through {@code /engine-rest/deployment/create}. */
    public Response deploy(String bpmn) {
        String boundary = "----" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncheck\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model.bpmn\"; filename=\"model.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return send(request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Deploys one file through {@code /engine-rest/deployment/create} as Camunda Modeler's deploy button does
     * (deployment name, source "Camunda Modeler", the file as a part named after it).
     */
    public Response deploy(String deploymentName, String fileName, String content) {
        String boundary = "----" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs into the Camunda webapps (Tasklist) as a browser does, keeping the session cookie. */
    public Response loginToTasklist(String user, String password) {
        get("/camunda/app/tasklist/");
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    /**
     * Logs into the webapps as {@link #loginToTasklist} and answers a client of that session that sends the session's
     * CSRF token, as Tasklist's scripts call the webapps' mount of the engine's REST API
     * ({@code /camunda/api/engine/engine/default/...}).
     */
    public ApiClient webappSession(String user, String password) {
        Response login = loginToTasklist(user, password);
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + login.status());
        }
        Response fetch = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                .header("X-XSRF-TOKEN", "Fetch").GET());
        String token = fetch.header("X-XSRF-TOKEN");
        return withHeader("X-XSRF-TOKEN", token == null ? "" : token);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
