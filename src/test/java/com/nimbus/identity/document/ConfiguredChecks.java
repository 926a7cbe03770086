package com.nimbus.identity.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The thresholds exactly as {@code application.yaml} configures them, bound the way the application binds
 * them (without starting it), so that tests judge the defaults operators get.
 */
public final class ConfiguredChecks {

    private ConfiguredChecks() {
    }

    public static DocumentChecksProperties properties() {
        try {
            var sources = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("identity.checks", DocumentChecksProperties.class)
                    .orElseThrow(() -> new IllegalStateException("application.yaml has no identity.checks"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configured thresholds with the photo settings replaced. */
    public static DocumentChecksProperties withPhoto(DocumentChecksProperties.Photo photo) {
        return new DocumentChecksProperties(photo, properties().similarPhoto());
    }
}
