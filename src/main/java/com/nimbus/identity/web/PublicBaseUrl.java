package com.nimbus.identity.web;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The absolute address browsers reach this application at, without a trailing slash: {@code identity.public-base-url},
 * or, where that is empty (the embedded default), {@code http://localhost} at the port the server listens on, known
 * once the server has started.
 */
@Component
public class PublicBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile String local;

    public PublicBaseUrl(PublicAddressProperties properties) {
        String url = properties.publicBaseUrl();
        this.configured = url == null || url.isBlank() ? null : withoutTrailingSlash(url.strip());
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            local = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /** The base URL; {@code path} (starting with '/') appended. */
    public String resolve(String path) {
        return get() + path;
    }

    public String get() {
        if (configured != null) {
            return configured;
        }
        if (local == null) {
            throw new IllegalStateException("identity.public-base-url is empty and the server has not started yet");
        }
        return local;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
