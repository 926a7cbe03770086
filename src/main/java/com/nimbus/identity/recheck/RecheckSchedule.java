package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import org.springframework.stereotype.Component;

/**
 * The cycle of the {@code enterprise-recheck} model's timer start event, which reads it as
 * {@code ${recheckSchedule.cycle}}; set by {@code identity.recheck.schedule}.
 */
@ProcessBean
@Component("recheckSchedule")
public class RecheckSchedule {

    private final String cycle;

    public RecheckSchedule(RecheckProperties properties) {
        this.cycle = properties.schedule().trim();
    }

    public String getCycle() {
        return cycle;
    }
}
