package com.nimbus.identity.review;

import com.nimbus.identity.vocabulary.UserGroups;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' page, {@code /review/supervision}: the review team's figures as pictures
 * ({@link SupervisionPage}). For a user logged into the webapps (Tasklist) who is a member of
 * {@code identity-supervisors}; others are refused and the refusal logged.
 */
@RestController
class SupervisionController {

    private static final Logger log = LoggerFactory.getLogger(SupervisionController.class);

    private final ReviewerSession session;
    private final SupervisionFigures figures;

    SupervisionController(ReviewerSession session, SupervisionFigures figures) {
        this.session = session;
        this.figures = figures;
    }

    @GetMapping("/review/supervision")
    ResponseEntity<String> page(HttpServletRequest request) {
        UserAuthentication user = session.user(request).orElse(null);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_HTML)
                    .body("<!DOCTYPE html><p>Log into <a href=\"../camunda/app/tasklist/\">Tasklist</a> first.</p>");
        }
        if (user.getGroupIds() == null || !user.getGroupIds().contains(UserGroups.SUPERVISORS)) {
            log.warn("Supervision page refused to user {}: not a member of {}", user.getIdentityId(), UserGroups.SUPERVISORS);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(SupervisionPage.render(figures.now()));
    }
}
