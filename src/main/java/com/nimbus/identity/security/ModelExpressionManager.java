package com.nimbus.identity.security;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * How the engine evaluates the models' expressions ({@code ${...}} in BPMN and DMN): identifiers resolve to the
 * variables of the execution or task (and {@code execution}, {@code task}, {@code authenticatedUserId}), then to the
 * {@link ProcessBeans}; never to another Spring bean. Lists, maps and arrays are read only; every other property or
 * method goes through {@link ModelElResolver}.
 */
final class ModelExpressionManager extends JuelExpressionManager {

    private final ProcessBeans processBeans;

    ModelExpressionManager(ProcessBeans processBeans) {
        super(processBeans);
        this.processBeans = processBeans;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(processBeans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new ModelElResolver());
        return resolver;
    }
}
