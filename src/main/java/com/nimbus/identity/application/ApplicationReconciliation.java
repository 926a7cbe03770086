package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.Workflow;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the database and the engine in agreement about pending applications. An application is pending in the
 * database (its account's pending marker held) while an instance of the engine works on it; when the instance ends
 * without deciding it (deleted or cancelled in Cockpit), or waits on an incident longer than
 * {@code identity.reconciliation.incident-age}, the application is CANCELLED, the marker freed (the holder may apply
 * again) and the case listed for operators ({@code GET /api/admin/application-reconciliations}).
 */
@Service
public class ApplicationReconciliation {

    /** Why an application was cancelled by the reconciliation. */
    public enum Finding {
        /** its instance ended (deleted or cancelled) while the application was pending */
        INSTANCE_ENDED,
        /** no instance works on it any more (ended without the listener, e.g. before this release) */
        INSTANCE_MISSING,
        /** its instance waited on an incident longer than the incident age; the instance was ended */
        INCIDENT
    }

    /** One cancelled application, as operators see it. */
    public record Reconciled(String applicationId, String accountId, String processInstanceId, Finding finding,
                             String detail, Instant reconciledAt) {
    }

    /** What one periodic check did. */
    public record Check(int pendingChecked, int cancelled, int instancesEnded) {
    }

    private static final Logger log = LoggerFactory.getLogger(ApplicationReconciliation.class);

    private final ApplicationRepository applications;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ReconciliationProperties properties;
    private final Clock clock;

    ApplicationReconciliation(ApplicationRepository applications, JdbcTemplate jdbc, RuntimeService runtime,
                              ReconciliationProperties properties, Clock clock) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Cancels the application if it is still pending, in the caller's transaction: false when it was decided or
     * withdrawn (the usual end of an instance), so calling it again changes nothing.
     */
    @Transactional
    public boolean cancelIfPending(String applicationId, String processInstanceId, Finding finding, String detail) {
        VerificationApplication application = applications.findForUpdate(applicationId).orElse(null);
        if (application == null || !application.getStatus().isPending()) {
            return false;
        }
        String why = shorten(detail == null ? finding.name() : finding + ": " + detail);
        Instant now = clock.instant();
        application.cancel(Workflow.RECONCILIATION_ACTOR, why, now);
        jdbc.update("insert into application_reconciliation (id, application_id, account_id, process_instance_id, "
                        + "finding, detail, reconciled_at) values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(),
                applicationId, application.getAccountId(), processInstanceId, finding.name(), why, Timestamp.from(now));
        log.warn("Application {} of account {} cancelled by the reconciliation: {}", applicationId,
                application.getAccountId(), why);
        return true;
    }

    /**
     * The periodic check: every application pending for longer than {@code min-age} whose engine instance is gone is
     * cancelled; one whose instance (or the review it calls) has had an incident for longer than {@code incident-age}
     * has its instance ended, which cancels it through the end listener.
     */
    @Transactional
    public Check check() {
        Instant now = clock.instant();
        List<String> pending = jdbc.queryForList("select id from verification_application "
                        + "where status in ('SUBMITTED', 'IN_REVIEW') and submitted_at < ? order by submitted_at",
                String.class, Timestamp.from(now.minus(properties.minAge())));
        int cancelled = 0;
        int ended = 0;
        for (String applicationId : pending) {
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(applicationId).list();
            if (instances.isEmpty()) {
                if (cancelIfPending(applicationId, null, Finding.INSTANCE_MISSING, "no engine instance works on it")) {
                    cancelled++;
                }
                continue;
            }
            List<Incident> stale = new ArrayList<>();
            for (ProcessInstance instance : instances) {
                runtime.createIncidentQuery().processInstanceId(instance.getId()).list().stream()
                        .filter(i -> i.getIncidentTimestamp().toInstant().isBefore(now.minus(properties.incidentAge())))
                        .forEach(stale::add);
            }
            if (!stale.isEmpty()) {
                Incident incident = stale.get(0);
                String root = instances.stream().filter(i -> i.getRootProcessInstanceId() == null
                                || i.getRootProcessInstanceId().equals(i.getId())).map(ProcessInstance::getId)
                        .findFirst().orElse(incident.getProcessInstanceId());
                String detail = "incident " + incident.getIncidentType() + " at " + incident.getActivityId() + " since "
                        + incident.getIncidentTimestamp().toInstant() + ": " + incident.getIncidentMessage();
                // the end listener records it as INCIDENT with this reason
                runtime.deleteProcessInstance(root, INCIDENT_REASON_PREFIX + shorten(detail), false, true);
                ended++;
                cancelled++;
            }
        }
        if (cancelled > 0) {
            log.warn("Reconciliation: {} pending application(s) checked, {} cancelled, {} instance(s) ended",
                    pending.size(), cancelled, ended);
        }
        return new Check(pending.size(), cancelled, ended);
    }

    /** The start of the delete reason the periodic check gives an instance it ends for an incident. */
    static final String INCIDENT_REASON_PREFIX = "Reconciliation, ";

    /** The newest cancelled applications first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Reconciled> list(int limit) {
        return jdbc.query("select application_id, account_id, process_instance_id, finding, detail, reconciled_at "
                        + "from application_reconciliation order by reconciled_at desc, id fetch first ? rows only",
                (rs, n) -> new Reconciled(rs.getString(1), rs.getString(2), rs.getString(3),
                        Finding.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant()), limit);
    }

    private static String shorten(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
