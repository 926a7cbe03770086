package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.ProcessBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R7: the change lock after every successful verification. The models start it, hold it with a timer
 * ({@code ${changeLockedUntil}}) and release it when the timer fires; {@code identity.change-lock.duration}
 * (ISO 8601, default P30D) sets its length. A change is checked against it when it is submitted, before anything
 * is stored, so the client learns at once that it must wait and until when.
 */
@ProcessBean
@Service("changeLock")
public class ChangeLock {

    private static final Logger log = LoggerFactory.getLogger(ChangeLock.class);

    private final AccountService accounts;
    private final Clock clock;
    private final Duration duration;

    public ChangeLock(AccountService accounts, Clock clock, ChangeLockProperties properties) {
        this.accounts = accounts;
        this.clock = clock;
        this.duration = properties.duration();
    }

    /**
     * Refuses, with {@link ChangeLocked} and its {@code lockedUntil}, a change to {@code target} that the lock holds
     * back: every change but individual to enterprise while the lock is held. The caller holds the account's row
     * lock, so the lock cannot be started or released in between.
     */
    public void requireChangeAllowed(Account account, IdentityType target) {
        if (account.changeIsLocked(target)) {
            throw new ChangeLocked(account.getChangeLockedUntil());
        }
    }

    /** The configured length, as the models' default for the input parameter {@code lockDuration}. */
    public String getConfiguredDuration() {
        return duration.toString();
    }

    /**
     * Starts (or restarts) the lock after the verification by {@code applicationId}: it ends {@code length}
     * after that verification. Returns when it ends.
     */
    @Transactional
    public Date start(String accountId, String applicationId, Duration length) {
        Account account = accounts.lock(accountId);
        boolean current = applicationId.equals(account.getVerifiedApplicationId()) && account.getVerifiedAt() != null;
        Instant until = (current ? account.getVerifiedAt() : clock.instant()).plus(length);
        account.holdChangeLock(until);
        log.info("Change lock of account {} held until {} (verification {})", accountId, until, applicationId);
        return Date.from(until);
    }

    /** Releases the lock the verification by {@code applicationId} started, unless a newer one restarted it. */
    @Transactional
    public void release(String accountId, String applicationId) {
        Account account = accounts.lock(accountId);
        boolean released = account.releaseChangeLock(applicationId);
        log.info("Change lock of account {} from verification {}: {}", accountId, applicationId,
                released ? "released" : "kept, a newer verification holds it");
    }
}
