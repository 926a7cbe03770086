package com.nimbus.identity.document.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every document store does, whatever keeps the bytes: each adapter's test runs these against a real store. */
abstract class DocumentStoreContract {

    /** The store under test, empty under {@link #prefix}. */
    abstract DocumentStore store();

    String prefix;

    @BeforeEach
    void freshPrefix() {
        prefix = "applications/" + UUID.randomUUID() + "/";
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private List<DocumentStore.StoredObject> listed() {
        List<DocumentStore.StoredObject> objects = new ArrayList<>();
        store().list(prefix, objects::add);
        return objects;
    }

    @Test
    void keepsWhatIsPutUnderItsKey() {
        byte[] page = bytes(3 * 1024 * 1024 + 17, 1);
        store().put(prefix + "part-1", page);
        store().put(prefix + "part-2", bytes(10, 2));
        assertThat(store().get(prefix + "part-1")).isEqualTo(page);
        assertThat(store().get(prefix + "part-2")).isEqualTo(bytes(10, 2));
    }

    @Test
    void aSecondPutReplacesTheObject() {
        store().put(prefix + "part-1", bytes(100, 1));
        store().put(prefix + "part-1", bytes(50, 2));
        assertThat(store().get(prefix + "part-1")).isEqualTo(bytes(50, 2));
        assertThat(listed()).hasSize(1);
    }

    @Test
    void anObjectThatIsNotThereIsMissing() {
        assertThatThrownBy(() -> store().get(prefix + "never-written")).isInstanceOf(DocumentObjectMissing.class)
                .hasMessageContaining(prefix + "never-written");
    }

    @Test
    void deletesAnObjectAndIgnoresOneThatIsNotThere() {
        store().put(prefix + "part-1", bytes(10, 1));
        store().delete(prefix + "part-1");
        store().delete(prefix + "part-1");
        assertThatThrownBy(() -> store().get(prefix + "part-1")).isInstanceOf(DocumentObjectMissing.class);
        assertThat(listed()).isEmpty();
    }

    @Test
    void listsTheObjectsUnderAPrefixWithWhenTheyWereWritten() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        store().put(prefix + "part-1", bytes(10, 1));
        store().put(prefix + "part-2", bytes(10, 2));
        store().put("applications/" + UUID.randomUUID() + "/part-1", bytes(10, 3));
        assertThat(listed()).extracting(DocumentStore.StoredObject::key)
                .containsExactlyInAnyOrder(prefix + "part-1", prefix + "part-2");
        assertThat(listed()).allSatisfy(o -> assertThat(o.lastModified()).isAfterOrEqualTo(before)
                .isBeforeOrEqualTo(Instant.now().plusSeconds(5)));
    }

    @Test
    void keepsAnEmptyObject() {
        store().put(prefix + "empty", new byte[0]);
        assertThat(store().get(prefix + "empty")).isEmpty();
    }

    @Test
    void refusesKeysThatCouldEscapeOrMeanSomethingElse() {
        for (String key : List.of("", "../etc/passwd", "a/../../b", "a//b", "/absolute", "a/.hidden", "a b", "a\\b", "ä")) {
            assertThatThrownBy(() -> store().put(key, new byte[1])).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void isReachable() {
        store().checkReachable();
    }
}
