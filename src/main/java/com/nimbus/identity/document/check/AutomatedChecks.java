package com.nimbus.identity.document.check;

import java.util.List;
import org.springframework.stereotype.Service;

/** Runs every automated check on an application and collects all results, so that all failing reasons are told at once. */
@Service
public class AutomatedChecks {

    private final List<AutomatedCheck> checks;

    public AutomatedChecks(List<AutomatedCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public CheckReport run(CheckSubject subject) {
        return new CheckReport(checks.stream().map(c -> c.check(subject)).toList());
    }
}
