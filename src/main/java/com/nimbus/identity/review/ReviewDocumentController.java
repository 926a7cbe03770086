package com.nimbus.identity.review;

import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.IdentityType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
 * sent, a PDF page rendered to PNG; {@code /document} is page 1) and the data the applicant entered.
 * Served only to a user logged into the webapps who is a reviewer or supervisor, and only while the
 * application is pending. Every access is logged.
 */
@RestController
@RequestMapping("/review/applications/{applicationId}")
class ReviewDocumentController {

    private static final Logger log = LoggerFactory.getLogger(ReviewDocumentController.class);

    private final ReviewerSession session;
    private final ApplicationService applications;
    private final DocumentPages documents;
    private final FieldCipher cipher;

    ReviewDocumentController(ReviewerSession session, ApplicationService applications, DocumentPages documents,
                             FieldCipher cipher) {
        this.session = session;
        this.applications = applications;
        this.documents = documents;
        this.cipher = cipher;
    }

    @GetMapping("/document")
    ResponseEntity<byte[]> document(@PathVariable String applicationId, HttpServletRequest request) {
        return page(applicationId, 1, request);
    }

    @GetMapping("/pages/{pageNo}")
    ResponseEntity<byte[]> page(@PathVariable String applicationId, @PathVariable int pageNo,
                                HttpServletRequest request) {
        return withReviewer(request, applicationId, application -> documents.page(applicationId, pageNo)
                .map(page -> ok(MediaType.parseMediaType(page.contentType()), page.content()))
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @GetMapping("/entered-data.png")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> enteredData(@PathVariable String applicationId, HttpServletRequest request) {
        return withReviewer(request, applicationId, application -> {
            boolean enterprise = application.getIdentityType() == IdentityType.ENTERPRISE;
            List<EnteredDataImage.Field> fields = List.of(
                    new EnteredDataImage.Field("Identity type", application.getIdentityType().name()),
                    new EnteredDataImage.Field("Document type", application.getDocumentType().name()),
                    new EnteredDataImage.Field("Issuing region", application.getRegion()),
                    new EnteredDataImage.Field(enterprise ? "Enterprise name" : "Full name", application.getHolderName()),
                    new EnteredDataImage.Field(enterprise ? "Registered address" : "Address", application.getHolderAddress()),
                    new EnteredDataImage.Field(enterprise ? "Registration no." : "Document no.",
                            cipher.decryptText(application.getDocumentNumberEnc())));
            return ok(MediaType.IMAGE_PNG, EnteredDataImage.render("Entered by the applicant", fields));
        });
    }

    private ResponseEntity<byte[]> withReviewer(HttpServletRequest request, String applicationId,
                                                java.util.function.Function<VerificationApplication, ResponseEntity<byte[]>> view) {
        UserAuthentication user = session.user(request).orElse(null);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!ReviewerSession.mayReview(user)) {
            log.warn("User {} may not see application documents", user.getIdentityId());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        VerificationApplication application = applications.findOptional(applicationId)
                .filter(a -> a.getStatus().isPending())
                .orElse(null);
        if (application == null) {
            return ResponseEntity.notFound().build();
        }
        log.info("User {} views {} of application {}", user.getIdentityId(),
                request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1), applicationId);
        return view.apply(application);
    }

    private static ResponseEntity<byte[]> ok(MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore()).body(body);
    }
}
