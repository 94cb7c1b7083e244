package dev.tributary.trigger.lock;

/**
 * EmrEtlRunner's hard lock (#3352): taken at start, removed after success and after the no-op exits, left in place
 * after a failure so that nothing reruns over partial state until someone has looked.
 */
public interface RunLock {

    /** Takes the lock; {@link LockHeldException} if someone holds it. */
    void acquire();

    /** Takes the lock even if it is held ({@code --ignore-lock-on-start}); it is still removed at the end. */
    void acquireIgnoringHolder();

    void release();

    String describe();

    /** No {@code --lock}: nothing to take or remove. */
    RunLock NONE = new RunLock() {
        @Override
        public void acquire() {
        }

        @Override
        public void acquireIgnoringHolder() {
        }

        @Override
        public void release() {
        }

        @Override
        public String describe() {
            return "no lock";
        }
    };
}
