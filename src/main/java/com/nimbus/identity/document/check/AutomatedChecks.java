package com.nimbus.identity.document.check;

import com.nimbus.identity.document.AcceptedDocuments;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs every automated check on an application and collects all results, so that all failing reasons are told at once.
 * The decision table {@code accepted-documents}, which two checks need, is asked once per run.
 */
@Service
public class AutomatedChecks {

    private final List<AutomatedCheck> checks;

    private final AcceptedDocuments accepted;

    @Autowired
    public AutomatedChecks(List<AutomatedCheck> checks, AcceptedDocuments accepted) {
        this.checks = List.copyOf(checks);
        this.accepted = accepted;
    }

    /** Checks that ask the table themselves. */
    public AutomatedChecks(List<AutomatedCheck> checks) {
        this(checks, null);
    }

    public CheckReport run(CheckSubject subject) {
        CheckSubject asked = accepted == null || subject.documentTypeAccepted() != null ? subject
                : subject.withDocumentTypeAccepted(subject.documentTypeAccepted(accepted));
        return new CheckReport(checks.stream().map(c -> c.check(asked)).toList());
    }
}
