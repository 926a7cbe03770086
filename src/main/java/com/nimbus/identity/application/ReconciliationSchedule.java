package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import org.springframework.stereotype.Component;

/**
 * The cycle of the {@code application-reconciliation} model's timer start event, which reads it as
 * {@code ${reconciliationSchedule.cycle}}; set by {@code identity.reconciliation.schedule}.
 */
@ProcessBean
@Component("reconciliationSchedule")
public class ReconciliationSchedule {

    private final String cycle;

    public ReconciliationSchedule(ReconciliationProperties properties) {
        this.cycle = properties.schedule().trim();
    }

    public String getCycle() {
        return cycle;
    }
}
