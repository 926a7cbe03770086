package com.nimbus.identity.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a PostgreSQL database of this test JVM, on a random port, with the job executor
 * off: tests execute jobs themselves ({@link Processes}), and a real SMTP server ({@link TestSmtp}). All tests
 * with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = {PostgresTestDatabase.Initializer.class, TestSmtp.Initializer.class})
public @interface IntegrationTest {
}
