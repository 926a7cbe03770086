package com.nimbus.identity.account;

/** What an account is verified as (R1). */
public enum IdentityType {
    INDIVIDUAL,
    ENTERPRISE
}
