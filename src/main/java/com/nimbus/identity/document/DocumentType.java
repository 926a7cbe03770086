package com.nimbus.identity.document;

import com.nimbus.identity.vocabulary.IdentityType;

/** The documents that prove an identity (R2, R3). */
public enum DocumentType {
    ID_CARD(IdentityType.INDIVIDUAL),
    PASSPORT(IdentityType.INDIVIDUAL),
    DRIVERS_LICENSE(IdentityType.INDIVIDUAL),
    WORK_PERMIT(IdentityType.INDIVIDUAL),
    BUSINESS_LICENSE(IdentityType.ENTERPRISE);

    private final IdentityType identityType;

    DocumentType(IdentityType identityType) {
        this.identityType = identityType;
    }

    public IdentityType identityType() {
        return identityType;
    }
}
