package dev.tributary.trigger.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocksTest {

    @TempDir
    Path dir;
    FakeConsul consul;

    @BeforeEach
    void start() throws Exception {
        consul = new FakeConsul();
    }

    @AfterEach
    void stop() {
        consul.close();
    }

    @Test
    void fileLockIsTakenOnceHoldsThePidAndIsReleased() throws Exception {
        Path path = dir.resolve("locks/etl.lock");
        FileLock first = new FileLock(path, 4242);
        first.acquire();

        assertThat(Files.readString(path)).isEqualTo("4242");
        assertThatThrownBy(() -> new FileLock(path, 7).acquire())
                .isInstanceOf(LockHeldException.class)
                .hasMessageContaining("pid 4242");

        first.release();
        assertThat(path).doesNotExist();
        new FileLock(path, 7).acquire();
        assertThat(Files.readString(path)).isEqualTo("7");
    }

    @Test
    void fileLockCanBeTakenOverWhenIgnoringItOnStart() throws Exception {
        Path path = dir.resolve("etl.lock");
        new FileLock(path, 1).acquire();

        FileLock second = new FileLock(path, 2);
        second.acquireIgnoringHolder();
        assertThat(Files.readString(path)).isEqualTo("2");
        second.release();
        assertThat(path).doesNotExist();
    }

    @Test
    void consulLockIsAKvKeyHoldingThePid() {
        ConsulLock lock = new ConsulLock(consul.address(), "snowplow/etl-lock", 4242);
        lock.acquire();

        assertThat(consul.value("snowplow/etl-lock")).isEqualTo("4242");
        assertThatThrownBy(() -> new ConsulLock(consul.address(), "snowplow/etl-lock", 7).acquire())
                .isInstanceOf(LockHeldException.class)
                .hasMessageContaining("pid 4242");

        lock.release();
        assertThat(consul.value("snowplow/etl-lock")).isNull();
        new ConsulLock(consul.address(), "/snowplow/etl-lock", 7).acquire();
        assertThat(consul.value("snowplow/etl-lock")).isEqualTo("7");
    }

    @Test
    void anEmptyConsulKeyIsNotHeld() {
        consul.put("etl", "");

        new ConsulLock(consul.address(), "etl", 9).acquire();

        assertThat(consul.value("etl")).isEqualTo("9");
    }

    @Test
    void consulLockIgnoredOnStartIsOverwrittenAndStillReleased() {
        consul.put("etl", "1");

        ConsulLock lock = new ConsulLock(consul.address(), "etl", 2);
        lock.acquireIgnoringHolder();
        assertThat(consul.value("etl")).isEqualTo("2");
        lock.release();
        assertThat(consul.value("etl")).isNull();
    }

    @Test
    void anUnreachableConsulIsALockErrorNotAHeldLock() {
        consul.close();

        assertThatThrownBy(() -> new ConsulLock(consul.address(), "etl", 2).acquire())
                .isInstanceOf(LockException.class)
                .hasMessageContaining("unreachable");
    }
}
