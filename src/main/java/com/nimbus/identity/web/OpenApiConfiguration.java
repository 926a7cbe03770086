package com.nimbus.identity.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, shown by {@code /swagger-ui.html}): springdoc generates the
 * paths from the controllers of {@code /api}; this adds what no controller states by itself, written once in
 * {@code openapi/identity-api.yaml} (title, authentication, the problem shape and an example per error code, the
 * shapes of a submission's {@code application} part, the webhook bodies), and every error response: 401 and 403
 * on each endpoint, and the codes a method names with {@link ProblemResponses}, each as
 * {@code application/problem+json} of the {@code Problem} schema.
 */
@Configuration
class OpenApiConfiguration {

    static final String DESCRIPTION = "openapi/identity-api.yaml";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** Every endpoint of {@code /api} needs credentials of the right group; wrong ones are throttled per address. */
    static final List<String> EVERY_ENDPOINT = List.of("UNAUTHORIZED", "FORBIDDEN", "TOO_MANY_REQUESTS");
    /** What a creating {@code POST} may answer besides its own codes ({@link IdempotencyFilter}). */
    static final List<String> IDEMPOTENT = List.of("IDEMPOTENCY_KEY_IN_USE", "IDEMPOTENCY_KEY_REUSED");

    /** The base document: springdoc adds the paths and the schemas of the controllers' types to it. */
    @Bean
    OpenAPI identityApi() {
        return description();
    }

    @Bean
    OperationCustomizer problemResponses() {
        Map<String, Example> examples = description().getComponents().getExamples();
        return (operation, handler) -> {
            List<String> codes = new ArrayList<>(EVERY_ENDPOINT);
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                codes.addAll(List.of(declared.value()));
            }
            Map<Integer, List<String>> byStatus = new TreeMap<>();
            for (String code : codes) {
                byStatus.computeIfAbsent(status(examples, code, handler.toString()), s -> new ArrayList<>()).add(code);
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            byStatus.forEach((status, ofStatus) -> operation.getResponses()
                    .addApiResponse(String.valueOf(status), problemResponse(status, ofStatus)));
            return operation;
        };
    }

    /**
     * Every {@code POST} the {@link IdempotencyFilter} covers takes the {@code Idempotency-Key} header and may answer
     * its two codes; decided by the filter's own rule, so the document and the server cannot disagree.
     */
    @Bean
    OpenApiCustomizer idempotencyKeyParameter() {
        Map<String, Example> examples = description().getComponents().getExamples();
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                Operation post = item.getPost();
                if (post == null || !IdempotencyFilter.covers(path)) {
                    return;
                }
                post.addParametersItem(new Parameter().$ref("#/components/parameters/" + IdempotencyFilter.HEADER));
                for (String code : IDEMPOTENT) {
                    int status = status(examples, code, "POST " + path);
                    ApiResponse existing = post.getResponses().get(String.valueOf(status));
                    if (existing == null) {
                        post.getResponses().addApiResponse(String.valueOf(status), problemResponse(status, List.of(code)));
                    } else {
                        existing.getContent().get(PROBLEM_JSON)
                                .addExamples(code, new Example().$ref("#/components/examples/" + code));
                        existing.setDescription(existing.getDescription() + ", " + code);
                    }
                }
            });
        };
    }

    private static ApiResponse problemResponse(int status, List<String> codes) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        codes.forEach(code -> problem.addExamples(code, new Example().$ref("#/components/examples/" + code)));
        return new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase() + ": " + String.join(", ", codes))
                .content(new Content().addMediaType(PROBLEM_JSON, problem));
    }

    private static int status(Map<String, Example> examples, String code, String where) {
        Example example = examples.get(code);
        JsonNode status = example == null ? null : Json31.mapper().valueToTree(example.getValue()).get("status");
        if (status == null || !status.canConvertToInt()) {
            throw new IllegalStateException("Error code " + code + " of " + where + " has no example with a status in "
                    + DESCRIPTION);
        }
        return status.asInt();
    }

    private static OpenAPI description() {
        try (InputStream in = new ClassPathResource(DESCRIPTION).getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DESCRIPTION, e);
        }
    }
}
