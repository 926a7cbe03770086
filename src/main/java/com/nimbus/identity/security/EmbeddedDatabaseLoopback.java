package com.nimbus.identity.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded default opens its H2 file with {@code AUTO_SERVER=TRUE}, so that a second process on the same machine
 * (a database tool) can open it too: H2 then starts a TCP server that accepts connections from other machines. Before
 * H2 starts, this binds H2's servers to the loopback address ({@code h2.bindAddress}), unless an operator chose an
 * address with {@code -Dh2.bindAddress=...}.
 */
public class EmbeddedDatabaseLoopback implements EnvironmentPostProcessor {

    static final String BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (EmbeddedDatabase.isEmbeddedDefault(environment) && System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }
}
