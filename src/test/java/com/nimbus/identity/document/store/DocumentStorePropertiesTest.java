package com.nimbus.identity.document.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DocumentStorePropertiesTest {

    @Test
    void theEmbeddedDefaultKeepsDocumentsUnderTheDataDirectory() {
        DocumentStoreProperties store = Settings.bound(DocumentStoreProperties.class);
        assertThat(store.type()).isEqualTo(DocumentStoreProperties.Type.FILESYSTEM);
        assertThat(store.directory().normalize()).isEqualTo(Path.of("data/documents"));
        assertThat(store.s3().pathStyle()).isTrue();
        assertThat(store.s3().callTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bindsAnS3StoreFromItsSettings() {
        DocumentStoreProperties store = Settings.bound(DocumentStoreProperties.class,
                "identity.documents.store.type=s3",
                "identity.documents.store.s3.endpoint=https://minio.internal:9000",
                "identity.documents.store.s3.bucket=identity",
                "identity.documents.store.s3.key-prefix=documents/",
                "identity.documents.store.s3.access-key-id=AKIA",
                "identity.documents.store.s3.secret-access-key=secret");
        assertThat(store.type()).isEqualTo(DocumentStoreProperties.Type.S3);
        assertThat(store.s3().bucket()).isEqualTo("identity");
        assertThat(store.s3().region()).isEqualTo("us-east-1");
        assertThat(store.s3().toString()).doesNotContain("secret");
    }

    @Test
    void refusesAnS3StoreWithoutABucket() {
        assertThat(Settings.refusal("identity.documents.store.type=s3"))
                .contains("identity.documents.store").contains("the s3 store needs s3.bucket and s3.region");
    }

    @Test
    void refusesHalfAPairOfCredentials() {
        assertThat(Settings.refusal("identity.documents.store.type=s3", "identity.documents.store.s3.bucket=b",
                "identity.documents.store.s3.access-key-id=AKIA"))
                .contains("access-key-id and secret-access-key must both be set, or both be empty");
    }

    @Test
    void refusesAnEndpointThatIsNotAnAddress() {
        assertThat(Settings.refusal("identity.documents.store.s3.endpoint=minio:9000"))
                .contains("endpoint must be an absolute http or https address");
        assertThat(Settings.refusal("identity.documents.store.type=cloud")).contains("identity.documents.store.type");
    }
}
