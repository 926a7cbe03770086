package com.nimbus.identity.review;

import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.vocabulary.ReasonCode;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.web.PublicBaseUrl;
import com.nimbus.identity.workflow.Variables;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The reviewer's task "Review application". On create it gives the form the addresses of every page of the document
 * ({@code documentPage1Url} to {@code documentPage4Url} as there are pages, {@code documentUrl} for page 1 as before,
 * and {@code documentPageCount}) and of the entered data, which the application serves to logged-in reviewers (so
 * neither ever enters the engine). On complete it refuses a decision that is not APPROVE or REJECT, a rejection
 * without reasons and reasons that are not reviewers' codes, and records who decided.
 */
@Component("reviewTask")
class ReviewTaskListener implements TaskListener {

    private final IdentityService identityService;
    private final PublicBaseUrl publicBaseUrl;
    private final DocumentPages documents;

    ReviewTaskListener(IdentityService identityService, PublicBaseUrl publicBaseUrl, DocumentPages documents) {
        this.identityService = identityService;
        this.publicBaseUrl = publicBaseUrl;
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_COMPLETE -> completed(task);
            default -> { }
        }
    }

    private void created(DelegateTask task) {
        String applicationId = Variables.applicationId(task);
        String base = publicBaseUrl.resolve("/review/applications/" + applicationId);
        task.setVariable(Workflow.Var.DOCUMENT_URL, base + "/document");
        int pages = documents.pageCount(applicationId);
        task.setVariable(Workflow.Var.DOCUMENT_PAGE_COUNT, pages);
        for (int page = 1; page <= pages; page++) {
            task.setVariable(Workflow.Var.documentPageUrl(page), base + "/pages/" + page);
        }
        task.setVariable(Workflow.Var.ENTERED_DATA_URL, base + "/entered-data.png");
    }

    private void completed(DelegateTask task) {
        String decision = Variables.string(task, Workflow.Var.DECISION);
        if (!Workflow.DECISION_APPROVE.equals(decision) && !Workflow.DECISION_REJECT.equals(decision)) {
            throw new ProcessEngineException("Choose a decision: APPROVE or REJECT.");
        }
        if (Workflow.DECISION_REJECT.equals(decision)) {
            List<String> reasons = Variables.stringList(task, Workflow.Var.REJECTION_REASONS);
            if (reasons.isEmpty()) {
                throw new ProcessEngineException("A rejection needs at least one reason.");
            }
            for (String code : reasons) {
                boolean reviewerCode = ReasonCode.parse(code).map(r -> r.origin() == ReasonCode.Origin.REVIEWER).orElse(false);
                if (!reviewerCode) {
                    throw new ProcessEngineException("Unknown rejection reason: " + code + ".");
                }
            }
        }
        task.getExecution().setVariable(Workflow.Var.REVIEWED_BY, reviewer(task));
    }

    private String reviewer(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = identityService.getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : "unknown";
    }
}
