package com.nimbus.identity.document.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Document objects as files under a directory ({@code identity.documents.store.directory}, {@code ./data/documents}
 * on the embedded default), one file per key, the key's {@code /} as sub-directories. A write goes to a temporary
 * file beside the target, is forced to disk and then renamed over the target in one step, so that a reader (or a
 * crash) never meets half an object.
 */
public class FileSystemDocumentStore implements DocumentStore {

    private static final String PARTIAL = ".partial-";

    private final Path root;

    public FileSystemDocumentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the document directory " + this.root, e);
        }
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = resolve(key);
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), PARTIAL, ".tmp");
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new DocumentStoreUnavailable("writing " + target, e);
        }
    }

    @Override
    public byte[] get(String key) {
        Path file = resolve(key);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DocumentObjectMissing(key);
        } catch (IOException e) {
            throw new DocumentStoreUnavailable("reading " + file, e);
        }
    }

    @Override
    public void delete(String key) {
        Path file = resolve(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DocumentStoreUnavailable("deleting " + file, e);
        }
    }

    @Override
    public void list(String prefix, Consumer<StoredObject> each) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(PARTIAL))
                    .forEach(f -> {
                        String key = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                        if (key.startsWith(prefix)) {
                            each.accept(new StoredObject(key, lastModified(f)));
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new DocumentStoreUnavailable("listing " + root, e);
        }
    }

    @Override
    public void checkReachable() {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new DocumentStoreUnavailable("the directory " + root + " is not a writable directory",
                    new AccessDeniedException(root.toString()));
        }
    }

    /** The directory objects are kept under. */
    public Path root() {
        return root;
    }

    private Path resolve(String key) {
        Path file = root.resolve(DocumentStore.requireValidKey(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("not a document object key: " + key);
        }
        return file;
    }

    private static java.time.Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a partial file left behind is skipped by list() and overwritten by nothing: harmless
            }
        }
    }
}
