package com.nimbus.identity.document.page;

import com.nimbus.identity.document.photo.DecodeSlots;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The decode slots of this node, as metrics too; scheduling for the sweep of {@link OrphanedObjects}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DocumentPagesConfiguration {

    /** {@code identity.documents.pages.max-concurrent-decodes}; {@code identity.documents.decodes.*} in the metrics. */
    @Bean
    DecodeSlots decodeSlots(DocumentPagesProperties properties, ObjectProvider<MeterRegistry> metrics) {
        DecodeSlots slots = new DecodeSlots(properties.maxConcurrentDecodes());
        metrics.ifAvailable(registry -> {
            Gauge.builder("identity.documents.decodes.active", slots, DecodeSlots::inUse)
                    .description("document pages being decoded or rendered now").register(registry);
            Gauge.builder("identity.documents.decodes.waiting", slots, DecodeSlots::waiting)
                    .description("document pages waiting for a decode slot").register(registry);
            FunctionCounter.builder("identity.documents.decodes", slots, DecodeSlots::completed)
                    .description("document pages decoded or rendered").register(registry);
        });
        return slots;
    }
}
