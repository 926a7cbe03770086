package com.nimbus.identity.review;

import com.nimbus.identity.vocabulary.ProcessBean;
import org.springframework.stereotype.Component;

/**
 * How long a review waits for new pages of the document after a reviewer asked for them:
 * {@code identity.review.photo-wait}, for the timer of identity-review ({@code ${photoWait.configuredDuration}}).
 */
@ProcessBean
@Component("photoWait")
public class PhotoWait {

    private final ReviewProperties properties;

    PhotoWait(ReviewProperties properties) {
        this.properties = properties;
    }

    /** The configured wait as ISO 8601, e.g. {@code PT336H} for the default of 14 days. */
    public String getConfiguredDuration() {
        return properties.photoWait().toString();
    }
}
