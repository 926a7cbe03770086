package com.nimbus.identity.workflow;

import com.nimbus.identity.vocabulary.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History stays at {@code full}, with one exception: the creation of a variable of
 * {@link Workflow#SET_ONCE_VARIABLES} (the application's ids and the addresses derived from them, a dozen per
 * application) writes no historic detail row, since the historic variable instance holds the same value for good.
 * Any later change of such a variable, and every other variable, is recorded in full as before. This takes some twenty
 * inserts out of each application's hundred or so.
 */
@Component
class SetOnceVariableHistory extends AbstractProcessEnginePlugin {

    private static final Set<String> SET_ONCE = Set.copyOf(Workflow.SET_ONCE_VARIABLES);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new Handler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** The engine's own database handler, without the creation details of set-once variables. */
    static final class Handler extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                    && SET_ONCE.contains(event.getVariableName())) {
                return false;
            }
            return super.shouldWriteHistoricDetail(event);
        }
    }
}
