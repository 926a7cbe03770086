package com.nimbus.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates every {@code @ConfigurationProperties} record of the application the way it does at start,
 * from {@code application.yaml} and the given properties, without starting the application: a test sees the
 * settings operators get, and that a bad value stops the start with the property's name.
 */
public final class Settings {

    private Settings() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("com.nimbus.identity")
    static class AllProperties {
    }

    /** {@code application.yaml} with {@code properties} ({@code name=value}) over it. */
    public static ApplicationContextRunner with(String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(AllProperties.class)
                .withPropertyValues(properties);
    }

    /** The bound record of {@code type}, from {@code application.yaml} with {@code properties} over it. */
    public static <T> T bound(Class<T> type, String... properties) {
        Object[] bean = new Object[1];
        with(properties).run(context -> {
            assertThat(context).hasNotFailed();
            bean[0] = context.getBean(type);
        });
        return type.cast(bean[0]);
    }

    /** The message of the failure that {@code properties} cause at start; fails when the start succeeds. */
    public static String refusal(String... properties) {
        String[] message = new String[1];
        with(properties).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder all = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            message[0] = all.toString();
        });
        return message[0];
    }
}
