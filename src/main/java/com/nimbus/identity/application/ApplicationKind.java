package com.nimbus.identity.application;

public enum ApplicationKind {
    /** verification of an unverified account */
    INITIAL,
    /** change of a verified account's identity (R7) */
    CHANGE
}
