package com.nimbus.identity.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials of the application's API against the engine's users, the same users an
 * administrator manages in Camunda Admin. Each of the user's groups becomes an authority {@code GROUP_<id>}.
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaUserAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (user == null || user.isBlank() || !identityService.checkPassword(user, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
