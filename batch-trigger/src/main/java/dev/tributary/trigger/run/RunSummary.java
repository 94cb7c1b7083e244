package dev.tributary.trigger.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON line printed at the end of every run, for schedulers and humans alike. */
public record RunSummary(String runId, String runner, ExitCode exitCode, Optional<String> message,
                         List<StepReport> steps, Map<String, Long> counts, Optional<String> clusterId,
                         Duration elapsed, boolean lockReleased) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", runId);
        root.put("runner", runner);
        root.put("exitCode", exitCode.code());
        root.put("status", exitCode.name());
        message.ifPresent(m -> root.put("message", m));
        clusterId.ifPresent(c -> root.put("clusterId", c));
        root.put("elapsedSeconds", elapsed.toSeconds());
        root.put("lockReleased", lockReleased);
        ArrayNode stepsNode = root.putArray("steps");
        for (StepReport s : steps) {
            ObjectNode n = stepsNode.addObject();
            n.put("name", s.name());
            n.put("state", s.state());
            n.put("durationSeconds", s.duration().toSeconds());
            s.detail().ifPresent(d -> n.put("detail", d));
        }
        ObjectNode countsNode = root.putObject("counts");
        counts.forEach(countsNode::put);
        return root.toString();
    }
}
