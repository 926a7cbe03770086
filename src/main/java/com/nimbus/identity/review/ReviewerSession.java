package com.nimbus.identity.review;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/** Who is logged into Tasklist in this browser, from the webapps' own session. */
@Component
class ReviewerSession {

    Optional<UserAuthentication> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        return auths.getAuthentications().stream()
                .filter(UserAuthentication.class::isInstance)
                .map(UserAuthentication.class::cast)
                .findFirst();
    }
}
