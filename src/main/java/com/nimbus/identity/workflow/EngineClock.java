package com.nimbus.identity.workflow;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application: the engine's. Timers, due dates and the times the application
 * records (verifiedAt, lockedUntil) then agree, also when a test moves the engine's clock.
 */
@Component
public class EngineClock {

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
