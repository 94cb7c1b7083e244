package dev.tributary.trigger.local;

/**
 * Loads one shredded run into one storage target (the warehouse-loader's CLI: {@code --run <uri> --target <json>
 * --resolver <json> [--include vacuum] [--skip analyze]}, exit 0 loaded or already loaded, 1 failed, 2 bad input).
 * The loader's manifest makes a second call for the same run a no-op.
 */
@FunctionalInterface
public interface LoadJob {

    void load(LoadRequest request) throws InterruptedException;
}
