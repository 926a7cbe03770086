package com.nimbus.identity.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.web.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the engine's REST API ({@code /engine-rest}) and its mount in the webapps, which Tasklist calls
 * ({@code /camunda/api/engine/engine/default}): the requests that work on a task, checked before the engine reads
 * them.
 * <ul>
 *   <li>claim: only for oneself;</li>
 *   <li>complete, submit-form, resolve of {@code reviewApplication} and {@code secondReview}: only the decision's
 *   variables ({@link ReviewInputs}), else 400 and the task stays open;</li>
 *   <li>bodies over {@value #MAX_BODY} bytes: 400 (a decision with its reasons and comment is far smaller).</li>
 * </ul>
 * Refusals have the engine REST API's error shape ({@code type}, {@code message}). That only the assignee completes
 * a task is the engine's own rule ({@code AssigneeWorksTheTask}), which holds for every caller.
 */
class ReviewTaskRequestFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 64 * 1024;
    /** A larger body is read and dropped up to this size, so that the client receives the answer. */
    private static final long MAX_DRAIN = 64L * 1024 * 1024;
    private static final Pattern TASK_ACTION = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve|claim)/?");

    private final TaskService tasks;
    private final IdentityService identity;
    private final ReviewerSession session;
    private final ObjectMapper json;
    private final Pattern engineApi;

    ReviewTaskRequestFilter(TaskService tasks, IdentityService identity, ReviewerSession session, ObjectMapper json,
                            String webappPath) {
        this.tasks = tasks;
        this.identity = identity;
        this.session = session;
        this.json = json;
        this.engineApi = Pattern.compile("(/engine-rest(/engine/[^/]+)?|" + Pattern.quote(webappPath)
                + "/api/engine/engine/[^/]+)" + TASK_ACTION.pattern());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher action = engineApi.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"POST".equalsIgnoreCase(request.getMethod()) || !action.matches()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                    "The request body is larger than " + MAX_BODY / 1024 + " KiB: a review takes a decision, its reasons "
                            + "and a comment of at most " + ReviewInputs.MAX_COMMENT + " characters.");
            return;
        }
        String taskId = action.group(3);
        JsonNode request_ = parse(body);
        if ("claim".equals(action.group(4))) {
            String claimant = request_ == null ? null : text(request_.get("userId"));
            Optional<String> user = authenticatedUser(request);
            if (claimant != null && user.isPresent() && !claimant.equals(user.get())) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                        "A task is claimed by the user who will work on it: " + user.get() + " cannot claim it for "
                                + claimant + ".");
                return;
            }
        } else if (decisionsOf(taskId).isPresent()) {
            List<String> problems = request_ == null
                    ? List.of("The request body must be a JSON object with the decision's variables.")
                    : ReviewInputs.problems(inputs(request_.get("variables")), decisionsOf(taskId).get());
            if (!problems.isEmpty()) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                        "Cannot complete task " + taskId + ": " + String.join(" ", problems));
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The decisions of the task when it is a review (first or second), else empty. */
    private Optional<List<String>> decisionsOf(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        if (Workflow.USER_TASK_REVIEW.equals(task.getTaskDefinitionKey())) {
            return Optional.of(Workflow.REVIEW_DECISIONS);
        }
        if (Workflow.USER_TASK_SECOND_REVIEW.equals(task.getTaskDefinitionKey())) {
            return Optional.of(Workflow.SECOND_REVIEW_DECISIONS);
        }
        return Optional.empty();
    }

    private Optional<String> authenticatedUser(HttpServletRequest request) {
        Authentication engineUser = identity.getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            return Optional.of(engineUser.getUserId());
        }
        return session.user(request).map(UserAuthentication::getIdentityId);
    }

    /** The variables of a completion, by name: the type the client named (else the JSON value's) and the text. */
    private static Map<String, ReviewInputs.Input> inputs(JsonNode variables) {
        Map<String, ReviewInputs.Input> inputs = new LinkedHashMap<>();
        if (variables == null || !variables.isObject()) {
            return inputs;
        }
        variables.fields().forEachRemaining(field -> {
            JsonNode variable = field.getValue();
            JsonNode value = variable == null ? null : variable.get("value");
            String type = text(variable == null ? null : variable.get("type"));
            if (type == null && value != null && !value.isNull()) {
                type = value.isTextual() ? "string" : value.getNodeType().name();
            }
            String text = value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
            inputs.put(field.getKey(), new ReviewInputs.Input(type, text));
        });
        return inputs;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The body, or null when it is larger than {@link #MAX_BODY} (the rest is then read and dropped). */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > MAX_BODY) {
                while (total < MAX_DRAIN && (n = in.read(buffer)) >= 0) {
                    total += n;
                }
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", type, "message", message));
    }
}
