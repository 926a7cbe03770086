package com.nimbus.identity.document.store;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.documents.store.*}: where document objects are kept (explained in the README's "Document
 * storage"). Validated at start: an S3 store without a bucket, half a pair of credentials or an endpoint that is not
 * an http(s) address stops the application with the property's name.
 *
 * @param type      {@code filesystem} (the embedded default) or {@code s3}
 * @param directory where the {@code filesystem} store keeps its objects
 * @param s3        the {@code s3} store
 */
@Validated
@ConfigurationProperties("identity.documents.store")
public record DocumentStoreProperties(@NotNull Type type, @NotNull Path directory, @NotNull @Valid S3 s3) {

    public enum Type { FILESYSTEM, S3 }

    /**
     * @param endpoint        the S3-compatible server, e.g. {@code https://minio.internal:9000}; empty: Amazon S3
     *                        of the region
     * @param region          the region to sign requests for (S3-compatible servers mostly take any, e.g. us-east-1)
     * @param bucket          the bucket, created beforehand by the operator
     * @param keyPrefix       put before every object key, e.g. {@code identity/} in a shared bucket; may be empty
     * @param accessKeyId     with {@code secretAccessKey}; both empty: the SDK's default credentials (environment,
     *                        instance or container role)
     * @param secretAccessKey see {@code accessKeyId}
     * @param pathStyle       {@code http://host/bucket/key} addresses, which any S3-compatible server takes; false for
     *                        virtual-hosted addresses ({@code http://bucket.host/key})
     * @param connectTimeout  to open a connection
     * @param callTimeout     for one call with its retries
     */
    public record S3(@DefaultValue("") String endpoint, @DefaultValue("") String region, @DefaultValue("") String bucket,
                     @DefaultValue("") String keyPrefix, @DefaultValue("") String accessKeyId,
                     @DefaultValue("") String secretAccessKey, @DefaultValue("true") boolean pathStyle,
                     @DefaultValue("5s") @NotNull Duration connectTimeout,
                     @DefaultValue("30s") @NotNull Duration callTimeout) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", keyPrefix=" + keyPrefix
                    + ", accessKeyId=" + accessKeyId + ", pathStyle=" + pathStyle + "]";
        }

        @AssertTrue(message = "access-key-id and secret-access-key must both be set, or both be empty")
        boolean isCredentialsComplete() {
            return blank(accessKeyId) == blank(secretAccessKey);
        }

        @AssertTrue(message = "endpoint must be an absolute http or https address, or empty")
        boolean isEndpointAnAddress() {
            if (blank(endpoint)) {
                return true;
            }
            try {
                URI uri = URI.create(endpoint.strip());
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @AssertTrue(message = "key-prefix may hold letters, digits, '.', '_', '-' and '/' only")
        boolean isKeyPrefixValid() {
            return keyPrefix == null || keyPrefix.matches("[A-Za-z0-9._/-]*");
        }
    }

    @AssertTrue(message = "the s3 store needs s3.bucket and s3.region")
    boolean isS3Configured() {
        return type != Type.S3 || s3 == null || !blank(s3.bucket()) && !blank(s3.region());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
