package com.nimbus.identity.account;

public enum VerificationStatus {
    UNVERIFIED,
    VERIFIED
}
