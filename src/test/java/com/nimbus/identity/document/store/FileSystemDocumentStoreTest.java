package com.nimbus.identity.document.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store of the embedded default: files under a directory. */
class FileSystemDocumentStoreTest extends DocumentStoreContract {

    @TempDir Path directory;

    private FileSystemDocumentStore store;

    @BeforeEach
    void open() {
        store = new FileSystemDocumentStore(directory.resolve("documents"));
    }

    @Override
    DocumentStore store() {
        return store;
    }

    @Test
    void keepsEachObjectAsAFileUnderItsKeyAndLeavesNoPartialFileBehind() throws Exception {
        store.put(prefix + "part-1", new byte[] {1, 2, 3});
        Path file = directory.resolve("documents").resolve(prefix + "part-1");
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(file);
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsUnavailable() throws Exception {
        Path file = directory.resolve("not-a-directory");
        Files.write(file, new byte[] {1});
        FileSystemDocumentStore broken = new FileSystemDocumentStore(directory.resolve("documents"));
        Files.delete(directory.resolve("documents"));
        Files.write(directory.resolve("documents"), new byte[] {1}); // a file where the directory should be
        assertThatThrownBy(broken::checkReachable).isInstanceOf(DocumentStoreUnavailable.class);
        assertThatThrownBy(() -> broken.put("applications/x/part-1", new byte[1])).isInstanceOf(DocumentStoreUnavailable.class)
                .hasFieldOrPropertyWithValue("code", "DOCUMENT_STORE_UNAVAILABLE");
    }
}
