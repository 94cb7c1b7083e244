package dev.tributary.trigger.local;

/**
 * Runs the shredder over one run. The local runner implements it with the shredder's application jar in a child
 * JVM ({@code dev.tributary.shredder.ShredderMain}, Spark {@code local[*]}); on EMR the same arguments go into a
 * Spark step. Returns normally on success; a failure throws.
 */
@FunctionalInterface
public interface ShredJob {

    void shred(ShredRequest request) throws InterruptedException;
}
