package com.nimbus.identity.document.check;

/**
 * One automated check of an application, with its own reason code. Every Spring bean of this type runs
 * for every application, in {@code @Order}; a failure of any of them rejects it before a reviewer sees it.
 */
public interface AutomatedCheck {

    CheckResult check(CheckSubject subject);
}
