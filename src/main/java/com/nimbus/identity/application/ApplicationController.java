package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.IdentityType;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/accounts/{accountId}/verification-applications")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    record Submitted(String applicationId, ApplicationKind kind, ApplicationStatus status) {
    }

    record Withdrawn(ApplicationStatus status) {
    }

    record ApplicationView(String applicationId, ApplicationKind kind, IdentityType identityType,
                           ApplicationStatus status, List<Reason> reasons, Instant submittedAt, Instant decidedAt) {

        static ApplicationView of(VerificationApplication a) {
            return new ApplicationView(a.getId(), a.getKind(), a.getIdentityType(), a.getStatus(), a.getReasons(),
                    a.getSubmittedAt(), a.getDecidedAt());
        }
    }

    /**
     * Multipart: part {@code application} (JSON) and part {@code document} (the JPEG or PNG photo, at most 10 MiB).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Submitted> submit(@PathVariable String accountId,
                                     @RequestParam("application") String application,
                                     @RequestParam("document") MultipartFile document) throws IOException {
        VerificationApplication submitted = applications.submit(accountId, application, document.getBytes());
        return ResponseEntity.accepted()
                .location(URI.create("/api/accounts/" + accountId + "/verification-applications/" + submitted.getId()))
                .body(new Submitted(submitted.getId(), submitted.getKind(), submitted.getStatus()));
    }

    @GetMapping
    List<ApplicationView> list(@PathVariable String accountId) {
        return applications.list(accountId).stream().map(ApplicationView::of).toList();
    }

    @GetMapping("/{applicationId}")
    ApplicationView get(@PathVariable String accountId, @PathVariable String applicationId) {
        return ApplicationView.of(applications.get(accountId, applicationId));
    }

    @PostMapping("/{applicationId}/withdrawal")
    Withdrawn withdraw(@PathVariable String accountId, @PathVariable String applicationId) {
        return new Withdrawn(applications.withdraw(accountId, applicationId).getStatus());
    }
}
