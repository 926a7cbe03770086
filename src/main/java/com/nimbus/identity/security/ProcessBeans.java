package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.ProcessBean;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The beans the models may name in expressions: those marked {@link ProcessBean}, under their bean names, and no
 * other. Handed to the engine as its map of beans, so that {@code ${runAutomatedChecks}} resolves and
 * {@code ${environment}}, {@code ${fieldCipher}} or {@code ${jdbcTemplate}} do not. Each bean is looked up when an
 * expression first names it, not when the engine is built: the delegates need the engine's services, which exist only
 * after it, while a timer of a model (the re-check's schedule) is evaluated as the engine deploys the models.
 */
final class ProcessBeans extends AbstractMap<Object, Object> {

    private final ListableBeanFactory beanFactory;
    private volatile Set<String> names;

    ProcessBeans(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    private Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = Set.of(beanFactory.getBeanNamesForAnnotation(ProcessBean.class));
            names = known;
        }
        return known;
    }

    /** Whether {@code candidate} is one of these beans (by its class), for the expression guard. */
    static boolean isProcessBean(Object candidate) {
        return AnnotationUtils.findAnnotation(AopUtils.getTargetClass(candidate), ProcessBean.class) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beanFactory.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        Map<Object, Object> all = new LinkedHashMap<>();
        names().forEach(name -> all.put(name, beanFactory.getBean(name)));
        return all.entrySet();
    }
}
