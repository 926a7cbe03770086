package com.nimbus.identity.document.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.support.S3MockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production store against a real S3-compatible server (S3Mock, a process of its own), through the AWS SDK with
 * the application's own client settings: no mock of the SDK.
 */
class S3DocumentStoreIT extends DocumentStoreContract {

    private S3DocumentStore store;

    private static DocumentStoreProperties.S3 settings(String bucket, String keyPrefix) {
        return new DocumentStoreProperties.S3(S3MockServer.get().endpoint(), S3MockServer.REGION, bucket, keyPrefix,
                "test-access-key", "test-secret-key", true, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @BeforeEach
    void open() {
        store = S3DocumentStore.of(settings(S3MockServer.BUCKET, ""));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    DocumentStore store() {
        return store;
    }

    @Test
    void putsEveryObjectUnderTheKeyPrefixInTheBucket() {
        try (S3DocumentStore prefixed = S3DocumentStore.of(settings(S3MockServer.BUCKET, "identity/"))) {
            prefixed.put(prefix + "part-1", new byte[] {4, 5, 6});
            assertThat(store.get("identity/" + prefix + "part-1")).containsExactly(4, 5, 6);
            List<String> keys = new ArrayList<>();
            prefixed.list(prefix, o -> keys.add(o.key()));
            assertThat(keys).containsExactly(prefix + "part-1");
        }
    }

    @Test
    void aBucketThatDoesNotExistIsUnavailableNotMissing() {
        try (S3DocumentStore nowhere = S3DocumentStore.of(settings("no-such-bucket", ""))) {
            assertThatThrownBy(nowhere::checkReachable).isInstanceOf(DocumentStoreUnavailable.class);
            assertThatThrownBy(() -> nowhere.put(prefix + "part-1", new byte[1])).isInstanceOf(DocumentStoreUnavailable.class);
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsUnavailable() {
        DocumentStoreProperties.S3 closedPort = new DocumentStoreProperties.S3("http://127.0.0.1:9", S3MockServer.REGION,
                S3MockServer.BUCKET, "", "a", "b", true, Duration.ofSeconds(1), Duration.ofSeconds(3));
        try (S3DocumentStore down = S3DocumentStore.of(closedPort)) {
            assertThatThrownBy(() -> down.get(prefix + "part-1")).isInstanceOf(DocumentStoreUnavailable.class)
                    .hasMessage("The document store is not available now; try again later.");
        }
    }
}
