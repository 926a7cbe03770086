package com.nimbus.identity.security;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * The last resolver of the models' expressions, for {@code a.b} and {@code a.b(...)}: it reads properties and calls
 * methods only on what a model has business with, so that no chain of calls leads from an allowed object to the
 * engine's configuration, the database, the Spring context or reflection.
 * <ul>
 *   <li>the {@link ProcessBeans} themselves;</li>
 *   <li>the execution and the task a model runs in, through the methods of their public interfaces
 *   ({@link DelegateExecution}, {@link DelegateTask}, {@link VariableScope}) except those that hand out the engine
 *   ({@code getProcessEngine}, {@code getProcessEngineServices}) or its model API;</li>
 *   <li>values: strings, numbers, booleans, dates and times, collections and maps, Spin's JSON and XML nodes, typed
 *   values;</li>
 * </ul>
 * and never {@code getClass}. Anything else is refused with an error that names the member and the type, so a model
 * that reaches further fails at run time and leaks nothing.
 */
final class ModelElResolver extends BeanELResolver {

    private static final Set<String> ENGINE_DOORS = Set.of("getProcessEngine", "getProcessEngineServices",
            "getBpmnModelInstance", "getBpmnModelElementInstance", "getClass");

    private static final Set<String> DELEGATE_METHODS = Stream.of(DelegateExecution.class, DelegateTask.class,
                    VariableScope.class)
            .flatMap(type -> Arrays.stream(type.getMethods()))
            .filter(method -> method.getDeclaringClass() != Object.class)
            .map(java.lang.reflect.Method::getName)
            .filter(name -> !ENGINE_DOORS.contains(name))
            .collect(Collectors.toUnmodifiableSet());

    private static final String[] VALUE_PACKAGES = {"org.camunda.spin.", "org.joda.time."};

    ModelElResolver() {
        super(true);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null && !mayRead(base, String.valueOf(property))) {
            throw new PropertyNotFoundException(refusal("property '" + property + "'", base));
        }
        return super.getValue(context, base, property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null && !mayCall(base, String.valueOf(method))) {
            throw new MethodNotFoundException(refusal("method '" + method + "'", base));
        }
        return super.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null) {
            throw new PropertyNotWritableException(refusal("writing property '" + property + "'", base));
        }
        super.setValue(context, base, property, value);
    }

    private boolean mayRead(Object base, String property) {
        if (property.isEmpty() || property.equals("class")) {
            return false;
        }
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return mayCall(base, "get" + suffix) || mayCall(base, "is" + suffix);
    }

    private boolean mayCall(Object base, String method) {
        if (method.equals("getClass") || method.equals("getDeclaringClass")) {
            return false;
        }
        if (base instanceof DelegateExecution || base instanceof DelegateTask || base instanceof VariableScope) {
            return DELEGATE_METHODS.contains(method);
        }
        return isValue(base) || ProcessBeans.isProcessBean(base);
    }

    private static boolean isValue(Object base) {
        if (base instanceof String || base instanceof Number || base instanceof Boolean || base instanceof Character
                || base instanceof Date || base instanceof TemporalAccessor || base instanceof Duration
                || base instanceof Period || base instanceof Collection || base instanceof Map
                || base instanceof TypedValue || base instanceof Enum) {
            return true;
        }
        String type = base.getClass().getName();
        return Arrays.stream(VALUE_PACKAGES).anyMatch(type::startsWith);
    }

    private static String refusal(String what, Object base) {
        return "Models may not use " + what + " of " + base.getClass().getName() + ": expressions reach the beans "
                + "listed for models (@ProcessBean), the execution or task's variables, and plain values only";
    }
}
