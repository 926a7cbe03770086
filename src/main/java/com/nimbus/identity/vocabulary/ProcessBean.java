package com.nimbus.identity.vocabulary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that the BPMN models may name in their expressions ({@code ${beanName}}): a delegate, a listener or
 * one of the few helpers the models read (the business calendar, the change lock's length, the notification
 * channels, the re-check's schedule). The engine resolves these beans, under their bean names, and nothing else of the
 * application: a model that names another bean fails with "Cannot resolve identifier". Adding a delegate a model may
 * use means annotating it; the list stays explicit and in one place per feature.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessBean {
}
