package dev.tributary.trigger.config;

import dev.tributary.runtime.config.Secrets;

/**
 * One wrong value in a configuration file, named by its key path so the user can find it:
 * {@code aws.emr.jobflow.core_instance_count: expected a non-negative integer, got "x"}.
 */
public record ConfigProblem(String keyPath, String expected, String given) {

    private static final Secrets SECRETS = Secrets.defaults();

    /**
     * The given value is masked for keys that name a secret ({@code aws.secret_access_key}, a target's
     * {@code password}), with the runtime's markers; callers pass {@code null} for "missing".
     */
    public String message() {
        String got = given == null ? "nothing" : SECRETS.isSecret(keyPath) ? Secrets.MASK : "\"" + given + "\"";
        return keyPath + ": expected " + expected + ", got " + got;
    }

    @Override
    public String toString() {
        return message();
    }
}
