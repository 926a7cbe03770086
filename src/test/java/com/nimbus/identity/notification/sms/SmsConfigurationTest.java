package com.nimbus.identity.notification.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The gateway the application picks: the provider through Spring's RestClient.Builder, or the outbox. */
class SmsConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsProperties.class)
    static class Properties {
    }

    private WireMockServer provider;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
            .withUserConfiguration(Properties.class, SmsConfiguration.class)
            .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
            .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
            .withBean(Clock.class, Clock::systemUTC);

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void withABaseUrlSmsGoToTheProvider() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(202)));
        context.withPropertyValues("identity.sms.base-url=" + provider.baseUrl() + "/v1", "identity.sms.api-key=k-1")
                .run(ctx -> {
                    SmsGateway gateway = ctx.getBean(SmsGateway.class);
                    assertThat(gateway).isInstanceOf(HttpSmsGateway.class);
                    gateway.send("+8613800138000", "text");
                });
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/messages")).withHeader("X-Api-Key", equalTo("k-1")));
    }

    @Test
    void withoutOneSmsStayInTheOutbox() {
        context.run(ctx -> assertThat(ctx.getBean(SmsGateway.class)).isInstanceOf(OutboxSmsGateway.class));
    }
}
