package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.UserGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials of {@code /api} against the engine's users, the same users an administrator manages
 * in Camunda Admin; each of the user's groups becomes an authority {@code GROUP_<id>}.
 * <p>
 * Members of {@code api-clients} are checked by comparing the password's salted hash with the stored one, read only:
 * the engine's {@code checkPassword} would count a wrong password against the account and lock it for good after ten,
 * so that anyone who knows the client's user name could shut the console's backend out. Their wrong passwords are
 * throttled per client address instead ({@link LoginThrottle}), and a lock the engine's guard put on the account
 * through another door (the webapps, {@code /engine-rest}) does not close {@code /api}. Other users (administrators
 * and process owners, on their own endpoints) keep the engine's guard.
 */
@Component
class ApiUserAuthenticationProvider implements AuthenticationProvider {

    /** Hashed when the user is unknown, so that an unknown user takes as long to refuse as a wrong password. */
    private static final String UNKNOWN_USER_SALT = "no-such-user";

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    ApiUserAuthenticationProvider(ProcessEngine engine) {
        this.identityService = engine.getIdentityService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (userId == null || userId.isBlank()) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> groups = groupsOf(userId);
        boolean client = groups.contains(new SimpleGrantedAuthority(authority(UserGroups.API_CLIENTS)));
        boolean valid = client ? matchesStoredHash(userId, password) : identityService.checkPassword(userId, password);
        if (!valid) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    /** The authorities of a user: {@code GROUP_<id>} for each of its groups. */
    List<GrantedAuthority> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(authority(g.getId())))
                .toList();
    }

    static String authority(String groupId) {
        return "GROUP_" + groupId;
    }

    private boolean matchesStoredHash(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user instanceof UserEntity entity && entity.getPassword() != null) {
            return configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, entity.getSalt()),
                    entity.getPassword());
        }
        configuration.getPasswordManager().encrypt(EncryptionUtil.saltPassword(password, UNKNOWN_USER_SALT));
        return false;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
