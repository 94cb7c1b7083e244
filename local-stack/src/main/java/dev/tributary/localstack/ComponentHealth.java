package dev.tributary.localstack;

/**
 * One component's answer to "are you working?": {@code reason} is null when it is, otherwise a short operator-facing
 * explanation (no record content, no credentials).
 */
record ComponentHealth(String name, String reason) {

    static ComponentHealth up(String name) {
        return new ComponentHealth(name, null);
    }

    static ComponentHealth down(String name, String reason) {
        return new ComponentHealth(name, reason == null || reason.isBlank() ? "down" : reason);
    }

    boolean isUp() {
        return reason == null;
    }
}
