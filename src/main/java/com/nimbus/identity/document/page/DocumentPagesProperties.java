package com.nimbus.identity.document.page;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.documents.pages.*}: how document pages are decoded and rendered, and how the store is tidied
 * (explained in the README's "Document storage").
 *
 * @param maxConcurrentDecodes how many pages this node decodes or renders at the same time (each takes up to some
 *                             50 MB of heap while it does)
 * @param pdf                  how PDF files are checked and their pages rendered
 * @param orphans              when objects no page names any more are removed from the store
 */
@Validated
@ConfigurationProperties("identity.documents.pages")
public record DocumentPagesProperties(@DefaultValue("2") @Min(1) @Max(64) int maxConcurrentDecodes,
                                      @DefaultValue @NotNull @Valid Pdf pdf,
                                      @DefaultValue @NotNull @Valid Orphans orphans) {

    /**
     * @param renderDpi       a PDF page is rendered at this resolution for the checks and the reviewer
     * @param maxRenderSide   ... but never with a longer side of more pixels than this
     * @param maxDecompressed a PDF whose streams (contents, fonts, images other than JPEG and the like) decompress to
     *                        more than this in all is refused as {@code DOCUMENT_TOO_LARGE} at submission
     */
    public record Pdf(@DefaultValue("200") @Min(72) @Max(600) int renderDpi,
                      @DefaultValue("4000") @Min(800) @Max(12000) int maxRenderSide,
                      @DefaultValue("256MB") @NotNull DataSize maxDecompressed) {
    }

    /**
     * @param cron      when the store is searched for objects no page names (a rolled-back submission leaves one
     *                  behind); Spring's cron, seconds first; {@code -} never
     * @param olderThan only objects written at least this long ago are taken: a submission still in flight has
     *                  written its object but not yet committed its pages
     */
    public record Orphans(@DefaultValue("0 30 3 * * *") @NotBlank String cron,
                          @DefaultValue("P1D") @NotNull Duration olderThan) {
    }
}
