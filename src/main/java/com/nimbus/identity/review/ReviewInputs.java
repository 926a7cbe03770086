package com.nimbus.identity.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.vocabulary.ReasonCode;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reviewer may send when she completes {@code reviewApplication} (or, with its own decisions, {@code secondReview}), checked in one place for every door: the
 * engine's REST API and its mount in the webapps ({@link ReviewTaskRequestFilter}, a 400 before the engine is
 * touched) and the task's listener ({@link ReviewTaskListener}, for anything that reaches the engine otherwise).
 * <ul>
 *   <li>only the variables of {@link Workflow#REVIEW_INPUTS}: who decided, whether the automated checks passed and
 *   everything else of the review are the application's to set;</li>
 *   <li>{@code decision}: a String, one of {@link Workflow#REVIEW_DECISIONS};</li>
 *   <li>{@code rejectionReasons}: a Json array of reviewers' reason codes (a String holding one is taken too), at least
 *   one for the decisions of {@link Workflow#REVIEW_DECISIONS_WITH_REASONS}; automated and re-check codes are never a
 *   reviewer's;</li>
 *   <li>{@code reviewComment}: a String of at most {@value #MAX_COMMENT} characters.</li>
 * </ul>
 * Values are given as their type's name (String, Json, Object, ...) and their text, never deserialized.
 */
final class ReviewInputs {

    static final int MAX_COMMENT = 2000;
    static final int MAX_REASONS_TEXT = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewInputs() {
    }

    /** One submitted value: its type's name as the engine or the REST API names it, and its text (null for none). */
    record Input(String type, String text) {

        Input {
            type = type == null ? "null" : type.toLowerCase(Locale.ROOT);
        }

        boolean isNull() {
            return text == null || "null".equals(type);
        }
    }

    /** Every problem of a completion of {@code reviewApplication} with {@code inputs}; empty when it may be completed so. */
    static List<String> problems(Map<String, Input> inputs) {
        return problems(inputs, Workflow.REVIEW_DECISIONS);
    }

    /**
     * Every problem of a completion with {@code inputs} where {@code decisions} are the task's decisions
     * ({@link Workflow#REVIEW_DECISIONS}, or {@link Workflow#SECOND_REVIEW_DECISIONS} for the second review).
     */
    static List<String> problems(Map<String, Input> inputs, List<String> decisions) {
        List<String> problems = new ArrayList<>();
        List<String> others = inputs.keySet().stream().filter(name -> !Workflow.REVIEW_INPUTS.contains(name)).sorted()
                .toList();
        if (!others.isEmpty()) {
            problems.add("A review is completed with " + String.join(", ", Workflow.REVIEW_INPUTS) + " only; not with "
                    + String.join(", ", others) + ".");
        }
        Input decision = inputs.get(Workflow.Var.DECISION);
        if (decision == null || decision.isNull() || !decision.type().equals("string")
                || !decisions.contains(decision.text())) {
            problems.add("decision must be a String, one of " + String.join(", ", decisions) + ".");
        }
        Optional<List<String>> reasons = reasons(inputs.get(Workflow.Var.REJECTION_REASONS), problems);
        if (decision != null && Workflow.REVIEW_DECISIONS_WITH_REASONS.contains(decision.text())
                && reasons.map(List::isEmpty).orElse(true)) {
            problems.add("A decision " + decision.text() + " needs at least one reason in rejectionReasons.");
        }
        Input comment = inputs.get(Workflow.Var.REVIEW_COMMENT);
        if (comment != null && !comment.isNull()) {
            if (!comment.type().equals("string")) {
                problems.add("reviewComment must be a String.");
            } else if (comment.text().length() > MAX_COMMENT) {
                problems.add("reviewComment must be at most " + MAX_COMMENT + " characters.");
            }
        }
        return problems;
    }

    /** The reason codes, or empty when there are none or they are malformed (then a problem is added). */
    private static Optional<List<String>> reasons(Input input, List<String> problems) {
        if (input == null || input.isNull()) {
            return Optional.empty();
        }
        if (!input.type().equals("json") && !input.type().equals("string")) {
            problems.add("rejectionReasons must be a Json array of reason codes.");
            return Optional.empty();
        }
        if (input.text().length() > MAX_REASONS_TEXT) {
            problems.add("rejectionReasons is too long.");
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        try {
            JsonNode array = input.text().isBlank() ? JSON.createArrayNode() : JSON.readTree(input.text());
            if (array == null || !array.isArray()) {
                problems.add("rejectionReasons must be a Json array of reason codes.");
                return Optional.empty();
            }
            for (JsonNode element : array) {
                if (!element.isTextual()) {
                    problems.add("rejectionReasons must hold reason codes only.");
                    return Optional.empty();
                }
                codes.add(element.asText());
            }
        } catch (JsonProcessingException e) {
            problems.add("rejectionReasons must be a Json array of reason codes.");
            return Optional.empty();
        }
        List<String> notReviewers = codes.stream().filter(code -> ReasonCode.parse(code)
                .map(r -> r.origin() != ReasonCode.Origin.REVIEWER).orElse(true)).toList();
        if (!notReviewers.isEmpty()) {
            problems.add("Not a reviewer's reason: " + String.join(", ", notReviewers) + ".");
            return Optional.empty();
        }
        return Optional.of(codes);
    }
}
