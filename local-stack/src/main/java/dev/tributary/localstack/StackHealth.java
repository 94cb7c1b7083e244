package dev.tributary.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The health of every component of the stack, in start order; the stack is up only if all of them are. */
final class StackHealth {

    private final Map<String, HealthCheck> checks = new LinkedHashMap<>();

    void add(String component, HealthCheck check) {
        checks.put(component, check);
    }

    List<ComponentHealth> check() {
        List<ComponentHealth> answers = new ArrayList<>();
        checks.forEach((name, check) -> answers.add(HealthCheck.ask(name, check)));
        return answers;
    }
}
