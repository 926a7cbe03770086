package com.nimbus.identity.recheck;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets a changed {@code identity.recheck.schedule} take effect without a new version of the model: the engine
 * evaluates a timer cycle's expression ({@code ${recheckSchedule.cycle}}) again each time the timer fires,
 * instead of repeating the cycle it evaluated when the model was deployed. The timer already scheduled fires
 * once more at its old time; the next one follows the new cycle.
 */
@Component
class RecheckScheduleEngineSetting extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setReevaluateTimeCycleWhenDue(true);
    }
}
