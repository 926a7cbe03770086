package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Load next page": the next page of enterprise-verified accounts after {@code cursor}. Writes the page's
 * range ({@code firstAccountId}, {@code lastAccountId}), its size {@code accountsInPage} (0 when the sweep is through)
 * and moves {@code cursor} to its last id. The cursor is a process variable, committed with the jobs of the
 * page, so a sweep resumes after a restart exactly where it was.
 */
@ProcessBean
@Component("loadNextRecheckPage")
class LoadNextPageDelegate implements JavaDelegate {

    private final EnterpriseRecheckService rechecks;

    LoadNextPageDelegate(EnterpriseRecheckService rechecks) {
        this.rechecks = rechecks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EnterpriseRecheckService.Page page = rechecks.nextPage((String) execution.getVariable(Recheck.Var.CURSOR));
        execution.setVariable(Recheck.Var.ACCOUNTS_IN_PAGE, page.size());
        if (page.isEmpty()) {
            return;
        }
        execution.setVariable(Recheck.Var.FIRST_ACCOUNT_ID, page.firstAccountId());
        execution.setVariable(Recheck.Var.LAST_ACCOUNT_ID, page.lastAccountId());
        execution.setVariable(Recheck.Var.CURSOR, page.lastAccountId());
        execution.setVariable(Recheck.Var.PAGES_DISPATCHED, count(execution, Recheck.Var.PAGES_DISPATCHED) + 1);
        execution.setVariable(Recheck.Var.ACCOUNTS_DISPATCHED,
                count(execution, Recheck.Var.ACCOUNTS_DISPATCHED) + page.size());
    }

    private static long count(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
