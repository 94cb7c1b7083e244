package dev.tributary.localstack;

/** Asks one component whether it works; never throws, a failure to ask is itself an answer. */
@FunctionalInterface
interface HealthCheck {

    /** Null when healthy, otherwise why not. */
    String unhealthyReason() throws Exception;

    static ComponentHealth ask(String name, HealthCheck check) {
        try {
            String reason = check.unhealthyReason();
            return reason == null ? ComponentHealth.up(name) : ComponentHealth.down(name, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.down(name, "interrupted while checking");
        } catch (Exception e) {
            return ComponentHealth.down(name, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
