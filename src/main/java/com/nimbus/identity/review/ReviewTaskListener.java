package com.nimbus.identity.review;

import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.web.PublicBaseUrl;
import com.nimbus.identity.workflow.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The reviewer's task "Review application". On create it gives the form the addresses of every page of the document
 * ({@code documentPage1Url} to {@code documentPage4Url} as there are pages, {@code documentUrl} for page 1 as before,
 * and {@code documentPageCount}) and of the entered data, which the application serves to logged-in reviewers (so
 * neither ever enters the engine), and the case at a glance ({@link CaseAtAGlance}): the task's name, the account's
 * earlier applications, the identity's quota, the other application behind a same-photo warning, the identity a change
 * replaces. On complete it checks the decision's variables ({@link ReviewInputs}: String and
 * Json values only, read without deserializing them) and records who decided: the authenticated user who completes
 * the task (the engine lets only the assignee complete it), or, for the application's own code, which runs without
 * one, the assignee.
 * <p>
 * After new pages of the document came ({@code photoRequestedBy} set), the review is assigned on create to the reviewer
 * who asked for them; it stays a task of its candidate group, so a supervisor can reassign it. On the second review
 * ({@code secondReview}, four eyes) it keeps the first reviewer in {@code firstReviewer} and refuses her as assignee
 * and as the one who completes it, whoever calls.
 */
@ProcessBean
@Component("reviewTask")
class ReviewTaskListener implements TaskListener {

    private final IdentityService identityService;
    private final PublicBaseUrl publicBaseUrl;
    private final DocumentPages documents;
    private final CaseAtAGlance cases;
    private final ReviewMetrics metrics;
    private final Clock clock;

    ReviewTaskListener(IdentityService identityService, PublicBaseUrl publicBaseUrl, DocumentPages documents,
                       CaseAtAGlance cases, ReviewMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.identityService = identityService;
        this.publicBaseUrl = publicBaseUrl;
        this.documents = documents;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_ASSIGNMENT -> assigned(task);
            case EVENTNAME_COMPLETE -> completed(task);
            default -> { }
        }
    }

    private static boolean isSecondReview(DelegateTask task) {
        return Workflow.USER_TASK_SECOND_REVIEW.equals(task.getTaskDefinitionKey());
    }

    private void created(DelegateTask task) {
        if (isSecondReview(task)) {
            task.getExecution().setVariable(Workflow.Var.FIRST_REVIEWER,
                    Variables.string(task, Workflow.Var.REVIEWED_BY));
        } else {
            String asker = Variables.string(task, Workflow.Var.PHOTO_REQUESTED_BY);
            if (asker != null) {
                task.setAssignee(asker);
            }
        }
        givePages(task);
    }

    /** Four eyes: the second review is never the first reviewer's, whoever assigns it. */
    private void assigned(DelegateTask task) {
        if (isSecondReview(task) && task.getAssignee() != null
                && task.getAssignee().equals(Variables.string(task, Workflow.Var.FIRST_REVIEWER))) {
            throw new ProcessEngineException("Four eyes: " + task.getAssignee() + " approved this application first "
                    + "and cannot take its second review.");
        }
    }

    private void givePages(DelegateTask task) {
        String applicationId = Variables.applicationId(task);
        String base = publicBaseUrl.resolve("/review/applications/" + applicationId);
        task.setVariable(Workflow.Var.DOCUMENT_URL, base + "/document");
        int pages = documents.pageCount(applicationId);
        task.setVariable(Workflow.Var.DOCUMENT_PAGE_COUNT, pages);
        for (int page = 1; page <= pages; page++) {
            task.setVariable(Workflow.Var.documentPageUrl(page), base + "/pages/" + page);
        }
        task.setVariable(Workflow.Var.ENTERED_DATA_URL, base + "/entered-data.png");
        cases.of(applicationId).ifPresent(found -> {
            task.setName(found.taskName());
            task.setVariable(Workflow.Var.CASE_HISTORY, found.historyEn());
            task.setVariable(Workflow.Var.CASE_HISTORY_ZH, found.historyZh());
            task.setVariable(Workflow.Var.QUOTA_USAGE, found.quotaUsage());
            task.setVariable(Workflow.Var.SIMILAR_PAGE_URL, found.similarPendingPage()
                    .map(page -> base + "/similar/" + page.otherApplicationId() + "/pages/" + page.otherPageNo())
                    .orElse(null));
            task.setVariable(Workflow.Var.CURRENT_IDENTITY_URL,
                    found.changeOfVerifiedIdentity() ? base + "/current-identity.png" : null);
        });
    }

    private void completed(DelegateTask task) {
        Map<String, ReviewInputs.Input> inputs = new LinkedHashMap<>();
        for (String name : Workflow.REVIEW_INPUTS) {
            TypedValue value = task.getVariableTyped(name, false);
            if (value != null) {
                inputs.put(name, input(value));
            }
        }
        List<String> problems = ReviewInputs.problems(inputs,
                isSecondReview(task) ? Workflow.SECOND_REVIEW_DECISIONS : Workflow.REVIEW_DECISIONS);
        if (!problems.isEmpty()) {
            throw new ProcessEngineException(String.join(" ", problems));
        }
        String reviewer = reviewer(task);
        if (isSecondReview(task) && reviewer.equals(Variables.string(task, Workflow.Var.FIRST_REVIEWER))) {
            throw new ProcessEngineException("Four eyes: " + reviewer + " approved this application first and cannot "
                    + "decide its second review.");
        }
        task.getExecution().setVariable(Workflow.Var.REVIEWED_BY, reviewer);
        Instant now = clock.instant();
        String decision = String.valueOf(Variables.string(task, Workflow.Var.DECISION));
        metrics.decided(decision, Workflow.REVIEW_DECISIONS_WITH_REASONS.contains(decision)
                        ? Variables.stringList(task, Workflow.Var.REJECTION_REASONS) : List.of(),
                Duration.between(task.getCreateTime().toInstant(), now),
                task.getDueDate() == null || !now.isAfter(task.getDueDate().toInstant()));
    }

    private static ReviewInputs.Input input(TypedValue value) {
        String type = value.getType() == null ? null : value.getType().getName();
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return new ReviewInputs.Input(type, serializable.getValueSerialized());
        }
        return new ReviewInputs.Input(type, value.getValue() == null ? null : value.getValue().toString());
    }

    private String reviewer(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw new ProcessEngineException("A review is decided by a reviewer who holds the task: claim it first.");
    }
}
