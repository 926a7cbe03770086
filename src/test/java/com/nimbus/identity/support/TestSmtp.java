package com.nimbus.identity.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real SMTP server (GreenMail) for each test JVM, on a free port that the application's
 * {@code spring.mail.port} points at. Tests of a mail server outage stop it and start it again.
 */
public final class TestSmtp {

    private static final String HOST = "127.0.0.1";
    private static int port;
    private static GreenMail server;

    private TestSmtp() {
    }

    /** The server, started if it is not running. */
    public static synchronized GreenMail running() {
        if (port == 0) {
            port = freePort();
        }
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Takes the server down, as a mail server outage would. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server with the test context and points {@code spring.mail} at it. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            running();
            TestPropertyValues.of("spring.mail.host=" + HOST, "spring.mail.port=" + port).applyTo(context.getEnvironment());
        }
    }
}
