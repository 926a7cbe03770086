package com.nimbus.identity.account;

import com.nimbus.identity.persistence.AssignedIdEntity;
import com.nimbus.identity.vocabulary.IdentityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A cloud account and its current verification (R1). Pending applications never change it. */
@Entity
@Table(name = "account")
public class Account extends AssignedIdEntity {

    @Id
    private String id;
    private String email;
    private String phone;
    private String registrationRegion;
    private String language;
    @Enumerated(EnumType.STRING)
    private VerificationStatus status;
    @Enumerated(EnumType.STRING)
    private IdentityType identityType;
    private String verifiedApplicationId;
    private String identityKey;
    private String verifiedName;
    private String maskedDocumentNumber;
    private Instant verifiedAt;
    private Instant changeLockedUntil;
    private String revocationCode;
    private String revocationMessage;
    private Instant revokedAt;
    private Instant erasedAt;
    @Column(updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Account() {
    }

    public Account(String email, String phone, String registrationRegion, String language, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.email = email;
        this.phone = phone;
        this.registrationRegion = registrationRegion;
        this.language = language;
        this.status = VerificationStatus.UNVERIFIED;
        this.createdAt = now;
    }

    /** Takes the identity of an approved application; a revocation of the past is cleared. */
    public void verify(IdentityType type, String applicationId, String identityKey, String name,
                       String maskedNumber, Instant at) {
        this.status = VerificationStatus.VERIFIED;
        this.identityType = type;
        this.verifiedApplicationId = applicationId;
        this.identityKey = identityKey;
        this.verifiedName = name;
        this.maskedDocumentNumber = maskedNumber;
        this.verifiedAt = at;
        this.revocationCode = null;
        this.revocationMessage = null;
        this.revokedAt = null;
    }

    /** R7: after a successful verification, changes (but individual to enterprise) wait until {@code until}. */
    public void holdChangeLock(Instant until) {
        this.changeLockedUntil = until;
    }

    /**
     * Releases the change lock that the verification by {@code applicationId} started. A lock restarted by a
     * newer verification stays: an older timer never releases a newer lock.
     */
    public boolean releaseChangeLock(String applicationId) {
        if (applicationId == null || !applicationId.equals(verifiedApplicationId)) {
            return false;
        }
        this.changeLockedUntil = null;
        return true;
    }

    /** Whether a change to {@code target} must wait for the lock: every change but individual to enterprise. */
    public boolean changeIsLocked(IdentityType target) {
        boolean exempt = identityType == IdentityType.INDIVIDUAL && target == IdentityType.ENTERPRISE;
        return isVerified() && changeLockedUntil != null && !exempt;
    }

    public boolean isVerified() {
        return status == VerificationStatus.VERIFIED;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getRegistrationRegion() {
        return registrationRegion;
    }

    public String getLanguage() {
        return language;
    }

    public VerificationStatus getStatus() {
        return status;
    }

    public IdentityType getIdentityType() {
        return identityType;
    }

    public String getVerifiedApplicationId() {
        return verifiedApplicationId;
    }

    public String getIdentityKey() {
        return identityKey;
    }

    public String getVerifiedName() {
        return verifiedName;
    }

    public String getMaskedDocumentNumber() {
        return maskedDocumentNumber;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Instant getChangeLockedUntil() {
        return changeLockedUntil;
    }

    public String getRevocationCode() {
        return revocationCode;
    }

    public String getRevocationMessage() {
        return revocationMessage;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    /**
     * R9: the verification is revoked. The account becomes UNVERIFIED, its identity is cleared and the reason
     * is recorded; the caller frees the identity's quota slot (read {@link #getIdentityKey()} first).
     */
    public void revoke(String code, String message, Instant at) {
        this.status = VerificationStatus.UNVERIFIED;
        clearIdentity();
        this.revocationCode = code;
        this.revocationMessage = message;
        this.revokedAt = at;
    }

    /** Whether the holder's data was erased: the account is then gone for the API. */
    public boolean isErased() {
        return erasedAt != null;
    }

    /**
     * Erases the holder's data: contact data, identity and revocation go; the row stays (without personal data) for
     * the anonymous counts and the event feed. Only an unverified account is erased.
     */
    public void erase(Instant at) {
        if (isVerified()) {
            throw new IllegalStateException("a verified account is not erased");
        }
        this.email = "";
        this.phone = "";
        clearIdentity();
        this.revocationCode = null;
        this.revocationMessage = null;
        this.erasedAt = at;
    }

    private void clearIdentity() {
        this.identityType = null;
        this.verifiedApplicationId = null;
        this.identityKey = null;
        this.verifiedName = null;
        this.maskedDocumentNumber = null;
        this.verifiedAt = null;
        this.changeLockedUntil = null;
    }
}
