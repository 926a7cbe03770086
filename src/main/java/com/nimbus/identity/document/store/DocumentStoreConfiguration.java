package com.nimbus.identity.document.store;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document store {@code identity.documents.store.type} names, and its health for operators. */
@Configuration(proxyBeanMethods = false)
class DocumentStoreConfiguration {

    @Bean
    DocumentStore documentStore(DocumentStoreProperties properties) {
        return switch (properties.type()) {
            case FILESYSTEM -> new FileSystemDocumentStore(properties.directory());
            case S3 -> S3DocumentStore.of(properties.s3());
        };
    }

    /**
     * {@code documentStore} in {@code /actuator/health}: DOWN while the store cannot be reached. Not part of the
     * liveness or readiness groups: a store outage fails submissions (503, nothing stored) and delays checks (retried
     * jobs), but restarting the node would not help.
     */
    @Bean
    HealthIndicator documentStoreHealthIndicator(DocumentStore store, DocumentStoreProperties properties) {
        return () -> {
            try {
                store.checkReachable();
                return Health.up().withDetail("type", properties.type()).build();
            } catch (DocumentStoreUnavailable e) {
                return Health.down().withDetail("type", properties.type()).build();
            }
        };
    }
}
