package com.nimbus.identity.document.page;

import com.nimbus.identity.document.store.DocumentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes objects of the document store that no page names: a submission writes its objects before its transaction
 * commits, so one that rolls back afterwards (a concurrent second application, a database failure) leaves its
 * objects behind. They are found by listing the store's {@code applications/} keys and asking
 * {@code document_page} which of them it knows; only objects written longer ago than
 * {@code identity.documents.pages.orphans.older-than} are taken, so that a submission still in flight keeps its own.
 * Runs on {@code identity.documents.pages.orphans.cron} on every node; two nodes sweeping at once only delete twice.
 */
@Component
class OrphanedObjects {

    private static final Logger log = LoggerFactory.getLogger(OrphanedObjects.class);
    private static final int BATCH = 500;

    private final DocumentStore store;
    private final PageRepository pages;
    private final Clock clock;
    private final Duration olderThan;

    OrphanedObjects(DocumentStore store, PageRepository pages, Clock clock, DocumentPagesProperties properties) {
        this.store = store;
        this.pages = pages;
        this.clock = clock;
        this.olderThan = properties.orphans().olderThan();
    }

    @Scheduled(cron = "${identity.documents.pages.orphans.cron}")
    void sweep() {
        int removed = removeWrittenBefore(clock.instant().minus(olderThan));
        log.info("Document store swept: {} object(s) that no page names removed", removed);
    }

    /** Removes every object under {@code applications/} written before {@code writtenBefore} that no page names. */
    int removeWrittenBefore(Instant writtenBefore) {
        List<String> batch = new ArrayList<>(BATCH);
        int[] removed = {0};
        store.list(DocumentPages.OBJECT_PREFIX, object -> {
            if (object.lastModified().isBefore(writtenBefore)) {
                batch.add(object.key());
                if (batch.size() == BATCH) {
                    removed[0] += removeUnnamed(batch);
                    batch.clear();
                }
            }
        });
        removed[0] += removeUnnamed(batch);
        return removed[0];
    }

    private int removeUnnamed(List<String> keys) {
        Set<String> named = pages.referenced(keys);
        int removed = 0;
        for (String key : keys) {
            if (!named.contains(key)) {
                store.delete(key);
                removed++;
                log.debug("Removed {}: no page names it", key);
            }
        }
        return removed;
    }
}
