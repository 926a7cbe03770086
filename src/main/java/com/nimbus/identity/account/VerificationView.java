package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.IdentityType;
import java.time.Instant;

/** {@code GET /api/accounts/{accountId}/verification}. */
public record VerificationView(String accountId, VerificationStatus status, IdentityType identityType,
                               String verifiedName, String maskedDocumentNumber, Instant verifiedAt,
                               Instant changeLockedUntil, String pendingApplicationId, Revocation revocation) {

    /** Why the last verification was revoked (R9); null when it never was. */
    public record Revocation(String code, String message, Instant revokedAt) {
    }

    static VerificationView of(Account a, String pendingApplicationId) {
        Revocation revocation = a.getRevocationCode() == null ? null
                : new Revocation(a.getRevocationCode(), a.getRevocationMessage(), a.getRevokedAt());
        return new VerificationView(a.getId(), a.getStatus(), a.getIdentityType(), a.getVerifiedName(),
                a.getMaskedDocumentNumber(), a.getVerifiedAt(), a.getChangeLockedUntil(), pendingApplicationId,
                revocation);
    }
}
