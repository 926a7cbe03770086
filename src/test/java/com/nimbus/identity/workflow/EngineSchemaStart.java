package com.nimbus.identity.workflow;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What a node does to the engine's schema at start, alone in a JVM of its own: arguments JDBC URL, user, password. */
public final class EngineSchemaStart {

    private EngineSchemaStart() {
    }

    public static void main(String[] args) throws Exception {
        EngineSchema schema = new EngineSchema();
        schema.setDataSource(new DriverManagerDataSource(args[0], args[1], args.length > 2 ? args[2] : ""));
        schema.setResourceLoader(new DefaultResourceLoader());
        schema.afterPropertiesSet();
    }
}
