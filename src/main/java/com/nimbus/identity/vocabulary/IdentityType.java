package com.nimbus.identity.vocabulary;

/** What an account is verified as (R1). */
public enum IdentityType {
    INDIVIDUAL,
    ENTERPRISE
}
