package com.nimbus.identity.document.page;

import com.nimbus.identity.document.DocumentChecksProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Which pages of other accounts look like the pages of an application: the pages behind a "same photo elsewhere"
 * warning, for the reviewer to compare side by side. Within {@code identity.checks.similar-photo.max-distance}, from
 * the fingerprints the automated checks recorded; nearest first.
 */
@Component
public class SimilarPages {

    private final PageRepository pages;
    private final SimilarPhotoIndex index;
    private final DocumentChecksProperties.SimilarPhoto settings;

    SimilarPages(PageRepository pages, SimilarPhotoIndex index, DocumentChecksProperties properties) {
        this.pages = pages;
        this.index = index;
        this.settings = properties.similarPhoto();
    }

    /** A page of another account's application like page {@code pageNo} of this one. */
    public record SimilarPage(int pageNo, String otherApplicationId, int otherPageNo, int distance) {
    }

    public List<SimilarPage> of(String applicationId, String accountId) {
        if (!settings.enabled()) {
            return List.of();
        }
        return pages.pagesOf(applicationId).stream()
                .filter(page -> page.fingerprint() != null)
                .flatMap(page -> index.within(accountId, page.fingerprint(), settings.maxDistance()).stream()
                        .filter(hit -> !Objects.equals(hit.applicationId(), applicationId))
                        .map(hit -> new SimilarPage(page.pageNo(), hit.applicationId(), hit.pageNo(), hit.distance())))
                .sorted(Comparator.comparingInt(SimilarPage::distance))
                .toList();
    }
}
