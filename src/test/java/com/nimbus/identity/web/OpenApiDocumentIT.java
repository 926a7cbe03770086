package com.nimbus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API's OpenAPI document, as the console team reads it without credentials: every endpoint of SPEC's HTTP API
 * with its status codes, every error as problem+json, the parts of a submission, the webhook bodies.
 */
@IntegrationTest
class OpenApiDocumentIT {

    /** An endpoint of SPEC's HTTP API: its success status and the error statuses it answers besides 401 and 403. */
    record Endpoint(String method, String path, int success, Set<Integer> errors) {

        static Endpoint of(String method, String path, int success, Integer... errors) {
            return new Endpoint(method, path, success, Set.of(errors));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String ACCOUNT = "/api/accounts/{accountId}";
    private static final String APPLICATIONS = ACCOUNT + "/verification-applications";
    /** A creating POST takes an Idempotency-Key: 409 while the first request with it runs, 422 for another request. */
    private static final Endpoint SUBMIT = Endpoint.of("POST", APPLICATIONS, 202, 400, 404, 409, 413, 415, 422, 503);

    /** Every endpoint of SPEC's HTTP API table the application serves. */
    static final List<Endpoint> SERVED = List.of(
            Endpoint.of("POST", "/api/accounts", 201, 400, 409, 415, 422),
            Endpoint.of("GET", ACCOUNT + "/verification", 200, 404),
            Endpoint.of("DELETE", ACCOUNT, 204, 404, 409),
            SUBMIT,
            Endpoint.of("GET", APPLICATIONS, 200, 404),
            Endpoint.of("GET", APPLICATIONS + "/{applicationId}", 200, 404),
            Endpoint.of("POST", APPLICATIONS + "/{applicationId}/withdrawal", 200, 404, 409),
            Endpoint.of("PUT", APPLICATIONS + "/{applicationId}/document", 202, 400, 404, 409, 413, 415, 503),
            Endpoint.of("GET", ACCOUNT + "/messages", 200, 400, 404),
            Endpoint.of("GET", ACCOUNT + "/entitlements", 200, 400, 404),
            Endpoint.of("POST", "/api/webhook-subscriptions", 201, 400, 409, 415, 422),
            Endpoint.of("GET", "/api/webhook-subscriptions", 200),
            Endpoint.of("DELETE", "/api/webhook-subscriptions/{id}", 204, 404),
            Endpoint.of("GET", "/api/events", 200, 400));

    /**
     * Endpoints of SPEC's HTTP API table not built yet. Whoever builds one moves it to {@link #SERVED}: this test
     * fails while an endpoint of this list is in the document.
     */
    static final List<Endpoint> NOT_YET_SERVED = List.of();

    /**
     * SPEC: every endpoint of {@code /api} needs credentials of the right group, and wrong credentials are throttled
     * per client address (429 {@code TOO_MANY_REQUESTS}).
     */
    static final Set<Integer> EVERY_ENDPOINT = Set.of(401, 403, 429);

    /**
     * Statuses SPEC gives every endpoint of {@code /api} that the application does not answer yet. Whoever builds one
     * moves it to {@link #EVERY_ENDPOINT}: this test fails while a status of this list is in the document.
     */
    static final Set<Integer> NOT_YET_ANSWERED = Set.of();

    /** The HTTP authentication schemes of {@code /api}: an API key as a Bearer token, HTTP Basic of an engine user. */
    static final Set<String> ACCEPTED_SCHEMES = Set.of("basic", "bearer");

    /**
     * Schemes of SPEC not accepted yet. Whoever builds one declares the scheme and moves it to
     * {@link #ACCEPTED_SCHEMES}.
     */
    static final Set<String> NOT_YET_ACCEPTED_SCHEMES = Set.of();

    static final Set<String> WEBHOOK_TYPES = Set.of("application.submitted", "application.in_review",
            "application.photo_requested", "application.approved", "application.rejected", "application.withdrawn",
            "verification.changed", "verification.revoked");

    @LocalServerPort int port;

    JsonNode document;

    @BeforeEach
    void readTheDocumentWithoutCredentials() {
        Response response = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        document = response.json();
    }

    @Test
    void everyServedEndpointOfSpecIsDescribedWithItsStatusCodes() {
        for (Endpoint endpoint : SERVED) {
            JsonNode operation = operation(endpoint);
            assertThat(operation).as("%s is not in the document", endpoint).isNotNull();
            Set<Integer> expected = new TreeSet<>(endpoint.errors());
            expected.addAll(EVERY_ENDPOINT);
            expected.add(endpoint.success());
            assertThat(statuses(operation)).as("status codes of %s", endpoint).containsExactlyElementsOf(expected);
            if (endpoint.success() == 204) {
                assertThat(operation.at("/responses/204/content").isMissingNode()).as("no body of %s", endpoint).isTrue();
                continue;
            }
            JsonNode success = operation.at("/responses/" + endpoint.success() + "/content/application~1json");
            assertThat(success.has("schema")).as("schema of the answer of %s", endpoint).isTrue();
            assertThat(success.has("example") || success.has("examples")).as("example answer of %s", endpoint).isTrue();
        }
    }

    @Test
    void nothingStillListedAsNotBuiltIsInTheDocument() {
        List<String> notBuilt = NOT_YET_SERVED.stream().map(OpenApiDocumentIT::key).toList();
        assertThat(operations().keySet()).as("served now: move from NOT_YET_SERVED to SERVED")
                .noneMatch(notBuilt::contains);
        for (JsonNode operation : operations().values()) {
            assertThat(statuses(operation)).as("a status of NOT_YET_ANSWERED is answered now: move it to EVERY_ENDPOINT")
                    .noneMatch(NOT_YET_ANSWERED::contains);
        }
        assertThat(NOT_YET_SERVED).as("an endpoint is listed both as served and as not built")
                .noneMatch(SERVED::contains);
    }

    @Test
    void everyErrorIsProblemJsonWithAnExampleOfEachCodeOfItsStatus() {
        operations().forEach((name, operation) -> statuses(operation).stream().filter(s -> s >= 400).forEach(status -> {
            JsonNode problem = operation.at("/responses/" + status + "/content");
            assertThat(fieldNames(problem)).as("%s %s", name, status).containsExactly("application/problem+json");
            JsonNode media = problem.get("application/problem+json");
            assertThat(media.at("/schema/$ref").asText()).as("%s %s", name, status)
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(fieldNames(media.get("examples"))).as("%s %s", name, status).isNotEmpty();
            media.get("examples").fields().forEachRemaining(example -> {
                JsonNode value = resolve(example.getValue()).get("value");
                assertThat(value.get("code").asText()).as("%s %s", name, status).isEqualTo(example.getKey());
                assertThat(value.get("status").asInt()).as("%s %s", name, example.getKey()).isEqualTo(status);
            });
        }));
        assertThat(operations()).as("the document lists the operations of /api").hasSizeGreaterThanOrEqualTo(SERVED.size());
    }

    @Test
    void theProblemShapeCarriesTheCodeTheFieldErrorsAndTheLockEnd() {
        JsonNode problem = document.at("/components/schemas/Problem");
        assertThat(fieldNames(problem.get("properties")))
                .contains("type", "title", "status", "detail", "code", "errors", "lockedUntil");
        assertThat(texts(problem.get("required"))).contains("status", "code");
        assertThat(resolve(problem.at("/properties/errors/items")).get("properties").has("field")).isTrue();
        JsonNode validation = document.at("/components/examples/VALIDATION_FAILED/value");
        assertThat(validation.get("errors").size()).isPositive();
        assertThat(document.at("/components/examples/CHANGE_LOCKED/value/lockedUntil").isTextual()).isTrue();
    }

    @Test
    void theSubmissionDescribesItsApplicationAndDocumentParts() {
        JsonNode submit = operation(SUBMIT).at("/requestBody/content/multipart~1form-data");
        JsonNode form = resolve(submit.get("schema"));
        assertThat(texts(form.get("required"))).containsExactlyInAnyOrder("application", "document");
        assertThat(submit.at("/encoding/application/contentType").asText()).isEqualTo("application/json");
        JsonNode document = form.at("/properties/document");
        assertThat(document.get("type").asText()).as("one to four document parts").isEqualTo("array");
        assertThat(document.get("minItems").asInt()).isEqualTo(1);
        assertThat(document.get("maxItems").asInt()).isEqualTo(4);
        assertThat(document.at("/items/format").asText()).isEqualTo("binary");
        assertThat(submit.at("/encoding/document/contentType").asText()).contains("image/jpeg", "image/png", "application/pdf");

        JsonNode application = resolve(form.at("/properties/application"));
        List<JsonNode> shapes = new ArrayList<>();
        application.get("oneOf").forEach(shape -> shapes.add(resolve(shape)));
        assertThat(shapes).extracting(shape -> Set.copyOf(texts(shape.get("required")))).containsExactlyInAnyOrder(
                Set.of("identityType", "fullName", "address", "documentType", "documentNumber"),
                Set.of("identityType", "enterpriseName", "registeredAddress", "registrationNumber"));
        assertThat(shapes).allSatisfy(shape -> assertThat(shape.get("examples").size()).isPositive());
        JsonNode individual = shapes.stream().filter(shape -> texts(shape.get("required")).contains("documentType"))
                .findFirst().orElseThrow();
        assertThat(texts(individual.at("/properties/documentType/enum")))
                .containsExactlyInAnyOrder("ID_CARD", "PASSPORT", "DRIVERS_LICENSE", "WORK_PERMIT");
    }

    @Test
    void everyWebhookOfSpecHasItsBodyAndAnExample() {
        JsonNode webhooks = document.get("webhooks");
        assertThat(fieldNames(webhooks)).containsExactlyInAnyOrderElementsOf(WEBHOOK_TYPES);
        JsonNode event = document.at("/components/schemas/Event");
        assertThat(texts(event.get("required"))).containsExactlyInAnyOrder("type", "timestamp", "data");
        assertThat(fieldNames(resolve(event.at("/properties/data")).get("properties")))
                .contains("accountId", "applicationId", "status", "reasons", "sequence")
                .noneMatch(field -> field.toLowerCase().contains("number"));
        for (String type : WEBHOOK_TYPES) {
            JsonNode post = webhooks.get(type).get("post");
            JsonNode body = post.at("/requestBody/content/application~1json");
            assertThat(body.at("/schema/$ref").asText()).as(type).isEqualTo("#/components/schemas/Event");
            assertThat(body.at("/example/type").asText()).as(type).isEqualTo(type);
            assertThat(body.at("/example/data/sequence").isIntegralNumber()).as(type).isTrue();
            List<String> headers = new ArrayList<>();
            post.get("parameters").forEach(p -> headers.add(resolve(p).get("name").asText()));
            assertThat(headers).as(type).containsExactlyInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature");
        }
    }

    @Test
    void theEventFeedAndTheSubscriptionsAreDescribedAsClientsCallThem() {
        JsonNode feed = operation(Endpoint.of("GET", "/api/events", 200));
        JsonNode page = resolve(feed.at("/responses/200/content/application~1json/schema"));
        assertThat(page.at("/properties/items/items/$ref").asText()).isEqualTo("#/components/schemas/Event");
        List<String> feedParameters = new ArrayList<>();
        feed.get("parameters").forEach(p -> feedParameters.add(p.get("name").asText()));
        assertThat(feedParameters).containsExactlyInAnyOrder("after", "limit");

        JsonNode subscribe = operation(Endpoint.of("POST", "/api/webhook-subscriptions", 201));
        assertThat(subscribe.path("parameters").findValuesAsText("$ref"))
                .as("the caller is the API client; the only parameter is the Idempotency-Key of every creating POST")
                .containsExactly("#/components/parameters/Idempotency-Key");
        JsonNode request = resolve(subscribe.at("/requestBody/content/application~1json/schema"));
        assertThat(fieldNames(request.get("properties"))).containsExactlyInAnyOrder("url", "events");
        JsonNode created = resolve(subscribe.at("/responses/201/content/application~1json/schema"));
        assertThat(fieldNames(created.get("properties"))).containsExactlyInAnyOrder("id", "url", "events", "secret");
        document.get("webhooks").forEach(webhook -> assertThat(webhook.at("/post/description").asText())
                .doesNotContain("Not delivered yet: this server does not take webhook subscriptions"));
    }

    @Test
    void theApiNamesItsAuthentication() {
        JsonNode schemes = document.at("/components/securitySchemes");
        List<String> declared = new ArrayList<>();
        schemes.forEach(scheme -> declared.add(scheme.get("scheme").asText()));
        assertThat(declared).as("declared now? move it from NOT_YET_ACCEPTED_SCHEMES to ACCEPTED_SCHEMES")
                .containsExactlyInAnyOrderElementsOf(ACCEPTED_SCHEMES)
                .noneMatch(NOT_YET_ACCEPTED_SCHEMES::contains);
        document.get("security").forEach(requirement ->
                assertThat(fieldNames(requirement)).allMatch(name -> schemes.has(name)));
        assertThat(document.get("security").size()).isPositive();
    }

    @Test
    void creatingPostsTakeAnIdempotencyKeyAndTheOthersDoNot() {
        for (String creating : List.of("POST /api/accounts", "POST " + blank(APPLICATIONS), "POST /api/enterprise-rechecks")) {
            JsonNode operation = operations().get(creating);
            List<String> parameters = new ArrayList<>();
            operation.get("parameters").forEach(p -> parameters.add(resolve(p).get("name").asText()));
            assertThat(parameters).as(creating).contains("Idempotency-Key");
            assertThat(fieldNames(operation.at("/responses/422/content/application~1problem+json/examples")))
                    .as(creating).contains("IDEMPOTENCY_KEY_REUSED");
        }
        for (String other : List.of("POST " + blank(APPLICATIONS + "/{applicationId}/withdrawal"), "POST /api/api-keys",
                "POST /api/enterprise-registry/imports")) {
            JsonNode parameters = operations().get(other).get("parameters");
            List<String> names = new ArrayList<>();
            if (parameters != null) {
                parameters.forEach(p -> names.add(resolve(p).get("name").asText()));
            }
            assertThat(names).as(other).doesNotContain("Idempotency-Key");
        }
        assertThat(document.at("/components/parameters/Idempotency-Key/in").asText()).isEqualTo("header");
    }

    @Test
    void theApiKeysAreForAdministratorsAndNeverListed() {
        assertThat(operations()).containsKeys("POST /api/api-keys", "GET /api/api-keys", "DELETE /api/api-keys/{}");
        JsonNode listed = resolve(operations().get("GET /api/api-keys")
                .at("/responses/200/content/application~1json/schema/items"));
        assertThat(fieldNames(listed.get("properties"))).contains("keyPrefix", "lastUsedAt", "revokedAt")
                .doesNotContain("key");
        assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiOpensWithoutCredentials() {
        ApiClient anonymous = ApiClient.anonymous(port);
        Response redirect = anonymous.get("/swagger-ui.html");
        assertThat(redirect.status()).isEqualTo(302);
        Response page = anonymous.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        assertThat(anonymous.get("/v3/api-docs/swagger-config").json().get("url").asText()).isEqualTo("/v3/api-docs");
    }

    // ---- reading the document ----

    /** Operations of the document by "METHOD path", paths with their parameters' names blanked ({}). */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                operations.put(op.getKey().toUpperCase() + " " + blank(path.getKey()), op.getValue())));
        return operations;
    }

    private JsonNode operation(Endpoint endpoint) {
        return operations().get(key(endpoint));
    }

    private static String key(Endpoint endpoint) {
        return endpoint.method() + " " + blank(endpoint.path());
    }

    private static String blank(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private static Set<Integer> statuses(JsonNode operation) {
        return fieldNames(operation.get("responses")).stream().map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(document.at(ref.asText().substring(1)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> texts.add(item.asText()));
        }
        return texts;
    }
}
