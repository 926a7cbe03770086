package com.nimbus.identity.application;

import com.nimbus.identity.persistence.AssignedIdEntity;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.vocabulary.IdentityType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An application to verify an account's identity. It holds the entered identity data (the document
 * number encrypted); the process instance working on it carries only its id.
 */
@Entity
@Table(name = "verification_application")
public class VerificationApplication extends AssignedIdEntity {

    @Id
    private String id;
    @Column(updatable = false)
    private String accountId;
    @Enumerated(EnumType.STRING)
    private ApplicationKind kind;
    @Enumerated(EnumType.STRING)
    private IdentityType identityType;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private String pendingAccountId;
    private String region;
    private String holderName;
    private String holderAddress;
    @Enumerated(EnumType.STRING)
    private DocumentType documentType;
    private String documentNumberEnc;
    private String documentNumberMasked;
    private String identityKey;
    private Instant submittedAt;
    private Instant decidedAt;
    private String decidedBy;
    private String reviewComment;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_reason", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<Reason> reasons = new ArrayList<>();
    @Version
    private long version;

    protected VerificationApplication() {
    }

    /** @param id a new random UUID, which the document number was sealed for ({@code FieldCipher} binds it) */
    public VerificationApplication(String id, String accountId, ApplicationKind kind, IdentityType identityType, String region,
                                   String holderName, String holderAddress, DocumentType documentType,
                                   String documentNumberEnc, String documentNumberMasked, String identityKey,
                                   Instant submittedAt) {
        this.id = id;
        this.accountId = accountId;
        this.kind = kind;
        this.identityType = identityType;
        this.status = ApplicationStatus.SUBMITTED;
        this.pendingAccountId = accountId;
        this.region = region;
        this.holderName = holderName;
        this.holderAddress = holderAddress;
        this.documentType = documentType;
        this.documentNumberEnc = documentNumberEnc;
        this.documentNumberMasked = documentNumberMasked;
        this.identityKey = identityKey;
        this.submittedAt = submittedAt;
    }

    void markInReview() {
        requirePending();
        this.status = ApplicationStatus.IN_REVIEW;
    }

    /**
     * A reviewer asks for new pages: the application stays pending and holds the reasons and the comment the holder
     * reads, until the new pages come ({@link #resubmitted}) or the wait ends in a rejection.
     */
    void requestPhoto(List<Reason> why, String comment) {
        if (status != ApplicationStatus.IN_REVIEW) {
            throw new IllegalStateException("application " + id + " is " + status + ", not in review");
        }
        this.status = ApplicationStatus.PHOTO_REQUESTED;
        this.reviewComment = comment;
        this.reasons.clear();
        this.reasons.addAll(why);
    }

    /** New pages came: the automated checks run again, the reasons asked for are answered. */
    void resubmitted() {
        if (status != ApplicationStatus.PHOTO_REQUESTED) {
            throw new IllegalStateException("application " + id + " is " + status + ", not waiting for pages");
        }
        this.status = ApplicationStatus.SUBMITTED;
        this.reviewComment = null;
        this.reasons.clear();
    }

    void approve(String by, String comment, Instant at) {
        decide(ApplicationStatus.APPROVED, by, comment, at);
    }

    void reject(List<Reason> why, String by, String comment, Instant at) {
        decide(ApplicationStatus.REJECTED, by, comment, at);
        this.reasons.clear();
        this.reasons.addAll(why);
    }

    /** Cancelled by the reconciliation, {@code by} naming it; the account's pending marker is freed. */
    void cancel(String by, String detail, Instant at) {
        decide(ApplicationStatus.CANCELLED, by, detail, at);
    }

    void withdraw(Instant at) {
        decide(ApplicationStatus.WITHDRAWN, accountId, null, at);
    }

    private void decide(ApplicationStatus outcome, String by, String comment, Instant at) {
        requirePending();
        this.status = outcome;
        this.pendingAccountId = null;
        this.decidedBy = by;
        this.reviewComment = comment;
        this.decidedAt = at;
    }

    private void requirePending() {
        if (!status.isPending()) {
            throw new IllegalStateException("application " + id + " is already " + status);
        }
    }

    @Override
    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public ApplicationKind getKind() {
        return kind;
    }

    public IdentityType getIdentityType() {
        return identityType;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public String getRegion() {
        return region;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getHolderAddress() {
        return holderAddress;
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public String getDocumentNumberEnc() {
        return documentNumberEnc;
    }

    public String getDocumentNumberMasked() {
        return documentNumberMasked;
    }

    public String getIdentityKey() {
        return identityKey;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public List<Reason> getReasons() {
        return List.copyOf(reasons);
    }
}
