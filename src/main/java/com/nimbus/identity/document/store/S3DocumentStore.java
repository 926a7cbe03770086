package com.nimbus.identity.document.store;

import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Document objects in a bucket of any S3-compatible object store (Amazon S3, MinIO, Ceph, ...) through the AWS SDK
 * for Java 2. Path-style addresses by default, so that a server without wildcard DNS works; checksums only where the
 * S3 API requires them, so that servers that do not know the SDK's newer default checksums work too. The SDK retries
 * throttling and server errors by itself (its standard retry mode); what still fails is
 * {@link DocumentStoreUnavailable}.
 */
public class S3DocumentStore implements DocumentStore, AutoCloseable {

    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;

    public S3DocumentStore(S3Client client, String bucket, String keyPrefix) {
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    /** The store the settings describe, with a client of its own. */
    public static S3DocumentStore of(DocumentStoreProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region().strip()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.callTimeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.callTimeout()))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint().strip()));
        }
        return new S3DocumentStore(builder.build(), settings.bucket().strip(), settings.keyPrefix());
    }

    private static AwsCredentialsProvider credentials(DocumentStoreProperties.S3 settings) {
        if (settings.accessKeyId().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().strip(),
                settings.secretAccessKey().strip()));
    }

    @Override
    public void put(String key, byte[] content) {
        String object = object(key);
        try {
            client.putObject(r -> r.bucket(bucket).key(object).contentType(CONTENT_TYPE).contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new DocumentStoreUnavailable("writing " + object + " to bucket " + bucket, e);
        }
    }

    @Override
    public byte[] get(String key) {
        String object = object(key);
        try {
            return client.getObjectAsBytes(r -> r.bucket(bucket).key(object)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new DocumentObjectMissing(key);
        } catch (SdkException e) {
            throw new DocumentStoreUnavailable("reading " + object + " from bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) {
        String object = object(key);
        try {
            client.deleteObject(r -> r.bucket(bucket).key(object));
        } catch (SdkException e) {
            throw new DocumentStoreUnavailable("deleting " + object + " from bucket " + bucket, e);
        }
    }

    @Override
    public void list(String prefix, Consumer<StoredObject> each) {
        try {
            client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(keyPrefix + prefix)).contents()
                    .forEach(o -> each.accept(new StoredObject(o.key().substring(keyPrefix.length()), o.lastModified())));
        } catch (SdkException e) {
            throw new DocumentStoreUnavailable("listing bucket " + bucket, e);
        }
    }

    @Override
    public void checkReachable() {
        try {
            client.headBucket(r -> r.bucket(bucket));
        } catch (SdkException e) {
            throw new DocumentStoreUnavailable("reaching bucket " + bucket, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private String object(String key) {
        return keyPrefix + DocumentStore.requireValidKey(key);
    }
}
