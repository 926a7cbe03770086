package com.nimbus.identity.review;

import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.audit.AuditLog;
import com.nimbus.identity.document.page.SimilarPages;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.AuditAction;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.Workflow;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a reviewer sees next to the form in Tasklist: every page of the document ({@code /pages/{n}}, a photo as it was
 * sent, a PDF page rendered to PNG; {@code /document} is page 1) and the data the applicant entered; for the case at a
 * glance, the page of another pending application behind a same-photo warning and, for a change, the identity the
 * account holds now.
 * Served only to a user logged into the webapps who may work on that application's open review task now: its
 * assignee, or a candidate, by name or through one of her groups (supervisors become candidates when the review is
 * escalated). Everyone else, administrators included, is refused. Every attempt, allowed or refused, is logged with
 * the user and the application's id, nothing else of the application.
 */
@RestController
@RequestMapping("/review/applications/{applicationId}")
class ReviewDocumentController {

    private static final Logger log = LoggerFactory.getLogger(ReviewDocumentController.class);

    private final ReviewerSession session;
    private final ApplicationService applications;
    private final DocumentPages documents;
    private final FieldCipher cipher;
    private final TaskService tasks;
    private final AuditLog audit;
    private final SimilarPages similarPages;
    private final CaseAtAGlance cases;

    ReviewDocumentController(ReviewerSession session, ApplicationService applications, DocumentPages documents,
                             FieldCipher cipher, TaskService tasks, SimilarPages similarPages, CaseAtAGlance cases,
                             AuditLog audit) {
        this.audit = audit;
        this.similarPages = similarPages;
        this.cases = cases;
        this.session = session;
        this.applications = applications;
        this.documents = documents;
        this.cipher = cipher;
        this.tasks = tasks;
    }

    @GetMapping("/document")
    ResponseEntity<byte[]> document(@PathVariable String applicationId, HttpServletRequest request) {
        return page(applicationId, 1, request);
    }

    @GetMapping("/pages/{pageNo}")
    ResponseEntity<byte[]> page(@PathVariable String applicationId, @PathVariable int pageNo,
                                HttpServletRequest request) {
        return withReviewer(request, applicationId, "page " + pageNo, application -> documents.page(applicationId, pageNo)
                .map(page -> ok(MediaType.parseMediaType(page.contentType()), page.content()))
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    /**
     * A page of another account's application that looks like a page of this one (the same-photo warning): only while
     * both are pending and only a page the warning is about, so a reviewer of this task sees no other application.
     */
    @GetMapping("/similar/{otherApplicationId}/pages/{pageNo}")
    ResponseEntity<byte[]> similarPage(@PathVariable String applicationId, @PathVariable String otherApplicationId,
                                       @PathVariable int pageNo, HttpServletRequest request) {
        return withReviewer(request, applicationId, "similar page " + pageNo + " of application " + otherApplicationId,
                application -> {
                    boolean warned = similarPages.of(applicationId, application.getAccountId()).stream()
                            .anyMatch(p -> p.otherApplicationId().equals(otherApplicationId) && p.otherPageNo() == pageNo);
                    boolean otherPending = applications.findOptional(otherApplicationId)
                            .map(other -> other.getStatus().isPending()).orElse(false);
                    if (!warned || !otherPending) {
                        log.info("Similar page {} of application {} refused beside application {}: {}", pageNo,
                                otherApplicationId, applicationId, warned ? "no longer pending" : "not a similar page");
                        return ResponseEntity.<byte[]>notFound().build();
                    }
                    return documents.page(otherApplicationId, pageNo)
                            .map(page -> ok(MediaType.parseMediaType(page.contentType()), page.content()))
                            .orElseGet(() -> ResponseEntity.notFound().build());
                });
    }

    /** For a change: the identity the account holds now, drawn like the entered data, beside the requested one. */
    @GetMapping("/current-identity.png")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> currentIdentity(@PathVariable String applicationId, HttpServletRequest request) {
        return withReviewer(request, applicationId, "current identity", application -> cases.currentIdentity(application)
                .map(current -> ok(MediaType.IMAGE_PNG, EnteredDataImage.render("The account's identity now",
                        fields(current))))
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @GetMapping("/entered-data.png")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> enteredData(@PathVariable String applicationId, HttpServletRequest request) {
        return withReviewer(request, applicationId, "entered data",
                application -> ok(MediaType.IMAGE_PNG, EnteredDataImage.render("Entered by the applicant",
                        fields(application))));
    }

    private List<EnteredDataImage.Field> fields(VerificationApplication application) {
        boolean enterprise = application.getIdentityType() == IdentityType.ENTERPRISE;
        return List.of(
                new EnteredDataImage.Field("Identity type", application.getIdentityType().name()),
                new EnteredDataImage.Field("Document type", application.getDocumentType().name()),
                new EnteredDataImage.Field("Issuing region", application.getRegion()),
                new EnteredDataImage.Field(enterprise ? "Enterprise name" : "Full name", application.getHolderName()),
                new EnteredDataImage.Field(enterprise ? "Registered address" : "Address", application.getHolderAddress()),
                new EnteredDataImage.Field(enterprise ? "Registration no." : "Document no.",
                        cipher.decryptText(application.getDocumentNumberEnc(), application.getId())));
    }

    private ResponseEntity<byte[]> withReviewer(HttpServletRequest request, String applicationId, String what,
                                                Function<VerificationApplication, ResponseEntity<byte[]>> view) {
        UserAuthentication user = session.user(request).orElse(null);
        if (user == null) {
            log.warn("Review {} of application {} refused: no webapp session", what, applicationId);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        String userId = user.getIdentityId();
        VerificationApplication application = applications.findOptional(applicationId)
                .filter(a -> a.getStatus().isPending())
                .orElse(null);
        Task review = application == null ? null : tasks.createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKeyIn(Workflow.USER_TASK_REVIEW, Workflow.USER_TASK_SECOND_REVIEW).list().stream()
                .findFirst().orElse(null);
        if (review == null) {
            log.info("Review {} of application {} refused to user {}: no open review", what, applicationId, userId);
            return ResponseEntity.notFound().build();
        }
        if (!mayWorkOn(review, userId, user.getGroupIds())) {
            log.warn("Review {} of application {} refused to user {}: not the assignee nor a candidate", what,
                    applicationId, userId);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        log.info("Review {} of application {} allowed to user {}", what, applicationId, userId);
        ResponseEntity<byte[]> shown = view.apply(application);
        if (shown.getStatusCode().is2xxSuccessful()) {
            audit.recordNow(userId, AuditAction.DOCUMENT_PAGE_VIEWED, application.getAccountId(), applicationId, what);
        }
        return shown;
    }

    /** The assignee of the task, or a candidate of it by name or through one of {@code groups}. */
    private boolean mayWorkOn(Task review, String userId, List<String> groups) {
        if (userId.equals(review.getAssignee())) {
            return true;
        }
        return tasks.getIdentityLinksForTask(review.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> userId.equals(link.getUserId())
                        || (link.getGroupId() != null && groups != null && groups.contains(link.getGroupId())));
    }

    private static ResponseEntity<byte[]> ok(MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore()).body(body);
    }
}
