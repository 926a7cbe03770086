package com.nimbus.identity.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's schema comes from the engine's Liquibase changelog ({@link EngineSchema}), the application's tables from
 * Flyway; the process engine is built only after both ran ({@code camunda.bpm.database.schema-update} is false).
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaConfiguration {

    static final String BEAN = "engineSchema";

    @Bean(BEAN)
    EngineSchema engineSchema(DataSource dataSource) {
        EngineSchema schema = new EngineSchema();
        schema.setDataSource(dataSource);
        return schema;
    }

    @Bean
    static BeanFactoryPostProcessor engineAfterSchema() {
        return factory -> {
            List<String> flyway = Arrays.asList(factory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false));
            // Flyway first: it refuses a non-empty database without its history table, so on an empty database the
            // application's tables come before the engine's (Spring Boot orders Liquibase before Flyway: undone here,
            // after its own post-processor, which is ordered, ran)
            for (String name : flyway) {
                BeanDefinition definition = factory.getBeanDefinition(BeanFactoryUtils.transformedBeanName(name));
                if (definition.getDependsOn() != null) {
                    definition.setDependsOn(Arrays.stream(definition.getDependsOn()).filter(d -> !BEAN.equals(d))
                            .toArray(String[]::new));
                }
            }
            dependOn(factory.getBeanDefinition(BEAN), flyway);
            List<String> initializers = new ArrayList<>(List.of(BEAN));
            initializers.addAll(flyway);
            List<String> engines = new ArrayList<>();
            engines.addAll(Arrays.asList(factory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)));
            engines.addAll(Arrays.asList(factory.getBeanNamesForType(ProcessEngine.class, true, false)));
            for (String name : engines) {
                String bean = BeanFactoryUtils.transformedBeanName(name);
                if (!factory.containsBeanDefinition(bean)) {
                    continue;
                }
                dependOn(factory.getBeanDefinition(bean), initializers);
            }
        };
    }

    private static void dependOn(BeanDefinition definition, List<String> beans) {
        List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
                : Arrays.asList(definition.getDependsOn()));
        beans.stream().map(BeanFactoryUtils::transformedBeanName)
                .filter(b -> !dependsOn.contains(b)).forEach(dependsOn::add);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
