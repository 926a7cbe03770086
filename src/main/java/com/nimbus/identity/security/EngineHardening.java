package com.nimbus.identity.security;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * What the engine lets models and users do, beyond the settings in {@code application.yaml}
 * ({@code camunda.bpm.generic-properties}: the task permission {@code TASK_WORK}, variable-level permissions,
 * deserialization type validation):
 * <ul>
 *   <li>expressions in models resolve only the {@link ProcessBeans} ({@link ModelExpressionManager}), also in
 *   scripts, which get the same map instead of the whole Spring context;</li>
 *   <li>a model that names a class ({@code camunda:class}) or holds a script is refused at deployment
 *   ({@link ModelRules});</li>
 *   <li>a task is completed only by its assignee ({@link AssigneeWorksTheTask});</li>
 *   <li>whoever deploys may read the deployment but not delete it, with its history
 *   ({@link DeployersKeepTheirDeployments}).</li>
 * </ul>
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private final ProcessBeans processBeans;

    EngineHardening(ListableBeanFactory beanFactory) {
        this.processBeans = new ProcessBeans(beanFactory);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(processBeans);
        configuration.setExpressionManager(new ModelExpressionManager(processBeans));
        configuration.setCommandCheckers(List.of(new TenantCommandChecker(), new AssigneeWorksTheTask()));
        configuration.setResourceAuthorizationProvider(new DeployersKeepTheirDeployments());
        configuration.setBpmnParseFactory(new ModelRules());
    }
}
