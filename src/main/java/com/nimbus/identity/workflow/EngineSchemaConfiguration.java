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
            List<String> initializers = new ArrayList<>(List.of(BEAN));
            initializers.addAll(Arrays.asList(factory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)));
            List<String> engines = new ArrayList<>();
            engines.addAll(Arrays.asList(factory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)));
            engines.addAll(Arrays.asList(factory.getBeanNamesForType(ProcessEngine.class, true, false)));
            for (String name : engines) {
                String bean = BeanFactoryUtils.transformedBeanName(name);
                if (!factory.containsBeanDefinition(bean)) {
                    continue;
                }
                BeanDefinition definition = factory.getBeanDefinition(bean);
                List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
                        : Arrays.asList(definition.getDependsOn()));
                initializers.stream().map(BeanFactoryUtils::transformedBeanName)
                        .filter(i -> !dependsOn.contains(i)).forEach(dependsOn::add);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
