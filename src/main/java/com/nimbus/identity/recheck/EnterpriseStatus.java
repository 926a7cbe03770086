package com.nimbus.identity.recheck;

/** An enterprise's standing in the registry. */
public enum EnterpriseStatus {
    ACTIVE,
    DISSOLVED
}
