package com.nimbus.identity.notification.sms;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;

/** The SMS gateway: the HTTP provider of {@code identity.sms.base-url}, or the outbox table when none is set. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    SmsGateway smsGateway(SmsProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                          Clock clock, ObjectProvider<RestClient.Builder> restClients) {
        if (properties.providerConfigured()) {
            log.info("SMS are sent through the provider at {}", properties.baseUrl());
            return new HttpSmsGateway(properties, restClients.getObject());
        }
        log.info("No SMS provider configured (identity.sms.base-url): SMS are kept in the table sms_outbox");
        return new OutboxSmsGateway(jdbc, transactions, clock);
    }
}
