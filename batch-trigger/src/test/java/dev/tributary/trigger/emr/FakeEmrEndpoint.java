package dev.tributary.trigger.emr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.trigger.config.AwsCredentialsSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * A test endpoint speaking the EMR JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target: ElasticMapReduce.<Op>},
 * {@code application/x-amz-json-1.1}) on 127.0.0.1. It records every request and plays scripted step states: each
 * submission (RunJobFlow, AddJobFlowSteps) takes the next {@link ClusterScript} for its steps, and each ListSteps on
 * the cluster advances every submission one poll. Clusters can be seeded (name, state, creation time, steps of
 * earlier runs) for ListClusters discovery; ListClusters filters by state and paginates. Errors are scripted per
 * operation and answered the way EMR does ({@code {"__type": ..., "message": ...}}).
 */
public final class FakeEmrEndpoint implements AutoCloseable {

    public record Request(String operation, JsonNode body) {
    }

    /** Step states over polls; {@code stateAt(poll, step, steps)} for poll 0, 1, 2 ... */
    public interface ClusterScript {
        String stateAt(int poll, int step, int steps);

        default String[] clusterReason(int poll) {
            return new String[] {"ALL_STEPS_COMPLETED", "Steps completed"};
        }

        /** First step runs for {@code polls} polls, then everything is COMPLETED. */
        static ClusterScript completesAfter(int polls) {
            return (poll, step, steps) -> poll >= polls ? "COMPLETED" : step == 0 ? "RUNNING" : "PENDING";
        }

        /** Steps before {@code failing} complete, it FAILS, the rest are CANCELLED (cluster terminated). */
        static ClusterScript failsAt(int failing) {
            return new ClusterScript() {
                @Override
                public String stateAt(int poll, int step, int steps) {
                    if (poll == 0) {
                        return step == 0 ? "RUNNING" : "PENDING";
                    }
                    return step < failing ? "COMPLETED" : step == failing ? "FAILED" : "CANCELLED";
                }

                @Override
                public String[] clusterReason(int poll) {
                    return new String[] {"STEP_FAILURE", "Shut down as step failed"};
                }
            };
        }

        /** The cluster never got past bootstrap: every step CANCELLED, reason BOOTSTRAP_FAILURE. */
        static ClusterScript bootstrapFailure() {
            return new ClusterScript() {
                @Override
                public String stateAt(int poll, int step, int steps) {
                    return poll == 0 ? "PENDING" : "CANCELLED";
                }

                @Override
                public String[] clusterReason(int poll) {
                    return new String[] {"BOOTSTRAP_FAILURE",
                        "On the master instance (i-0abc), bootstrap action 1 returned a non-zero return code"};
                }
            };
        }

        /** Every step CANCELLED by a user, not a bootstrap failure: must not be relaunched. */
        static ClusterScript cancelledByUser() {
            return new ClusterScript() {
                @Override
                public String stateAt(int poll, int step, int steps) {
                    return poll == 0 ? "PENDING" : "CANCELLED";
                }

                @Override
                public String[] clusterReason(int poll) {
                    return new String[] {"USER_REQUEST", "Terminated by user request"};
                }
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLIED = "applied";
    private static final double T0 = 1_764_579_600d; // 2025-12-01T09:00:00Z, epoch seconds as EMR sends them
    private static final Set<String> ACTIVE = Set.of("PENDING", "RUNNING", "CANCEL_PENDING");

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<ClusterScript> scripts = new ArrayDeque<>();
    private final Map<String, Deque<String>> errors = new HashMap<>();
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private int clusterCounter;
    private int seededCounter;
    private int listClustersPageSize = 50;
    private Instant launchTime = Instant.parse("2026-12-01T09:00:00Z");

    /** The steps one RunJobFlow or AddJobFlowSteps submitted, played by its own script. */
    private static final class Submission {
        final ClusterScript script;
        final int first;
        final int count;
        int polls;

        Submission(ClusterScript script, int first, int count) {
            this.script = script;
            this.first = first;
            this.count = count;
        }

        String stateAt(int step) {
            return script.stateAt(polls, step - first, count);
        }
    }

    private static final class Cluster {
        final String id;
        final String name;
        final Instant created;
        final boolean keepAlive;
        final List<JsonNode> steps = new ArrayList<>();
        JsonNode tags = JSON.createArrayNode();
        final Map<Integer, String> historyStates = new HashMap<>();
        final List<Submission> submissions = new ArrayList<>();
        String state;
        int polls;
        boolean terminated;

        Cluster(String id, String name, Instant created, boolean keepAlive, String state) {
            this.id = id;
            this.name = name;
            this.created = created;
            this.keepAlive = keepAlive;
            this.state = state;
        }

        String stateOf(int step) {
            for (Submission s : submissions) {
                if (step >= s.first && step < s.first + s.count) {
                    return s.stateAt(step);
                }
            }
            return historyStates.get(step);
        }

        boolean busy() {
            for (int i = 0; i < steps.size(); i++) {
                if (ACTIVE.contains(stateOf(i))) {
                    return true;
                }
            }
            return false;
        }

        /** Which submission a step came with; -1 for the seeded steps of earlier runs. */
        int submissionOf(int step) {
            for (int k = 0; k < submissions.size(); k++) {
                Submission s = submissions.get(k);
                if (step >= s.first && step < s.first + s.count) {
                    return k;
                }
            }
            return -1;
        }

        ClusterScript reasons() {
            return submissions.isEmpty() ? ClusterScript.completesAfter(0) : submissions.get(0).script;
        }
    }

    public FakeEmrEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized void script(ClusterScript... next) {
        scripts.addAll(List.of(next));
    }

    /** The next {@code times} calls of {@code operation} answer HTTP {@code status} with EMR error {@code type}. */
    public synchronized void failNext(String operation, int times, int status, String type) {
        Deque<String> queue = errors.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(status + " " + type);
        }
    }

    /**
     * The next {@code times} calls of {@code operation} take effect (a cluster is launched, steps are added) and
     * then answer HTTP {@code status} with EMR error {@code type}: an answer lost after EMR acted.
     */
    public synchronized void failNextAfterApplying(String operation, int times, int status, String type) {
        Deque<String> queue = errors.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(status + " " + type + " " + APPLIED);
        }
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    public synchronized boolean terminated(String clusterId) {
        return clusters.get(clusterId).terminated;
    }

    /** A cluster that exists before the test's run, as ListClusters and DescribeCluster show it. */
    public synchronized String seedCluster(String name, String state, Instant created) {
        Cluster cluster = new Cluster("j-LIVE" + (++seededCounter), name, created, true, state);
        clusters.put(cluster.id, cluster);
        return cluster.id;
    }

    /** A step an earlier run left on a seeded cluster, frozen in {@code state}. */
    public synchronized void seedStep(String clusterId, String name, String state) {
        Cluster cluster = clusters.get(clusterId);
        cluster.historyStates.put(cluster.steps.size(), state);
        cluster.steps.add(JSON.createObjectNode().put("Name", name).put("ActionOnFailure", "CANCEL_AND_WAIT"));
    }

    public synchronized void setState(String clusterId, String state) {
        clusters.get(clusterId).state = state;
    }

    public synchronized String state(String clusterId) {
        return clusters.get(clusterId).state;
    }

    public synchronized void listClustersPageSize(int size) {
        listClustersPageSize = size;
    }

    /** The creation time of clusters RunJobFlow creates from now on. */
    public synchronized void launchTime(Instant time) {
        launchTime = time;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String operation = target == null ? "" : target.replaceFirst("^ElasticMapReduce\\.", "");
            int status;
            JsonNode answer;
            synchronized (this) {
                requests.add(new Request(operation, body));
                Deque<String> queued = errors.get(operation);
                if (queued != null && !queued.isEmpty()) {
                    String[] error = queued.poll().split(" ");
                    if (error.length > 2 && error[2].equals(APPLIED)) {
                        answer(operation, body);
                    }
                    status = Integer.parseInt(error[0]);
                    answer = JSON.createObjectNode().put("__type", error[1]).put("message", "scripted " + error[1]);
                } else if (target == null || !target.startsWith("ElasticMapReduce.")) {
                    status = 400;
                    answer = JSON.createObjectNode().put("__type", "UnknownOperationException");
                } else {
                    status = 200;
                    answer = answer(operation, body);
                }
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private JsonNode answer(String operation, JsonNode body) {
        return switch (operation) {
            case "RunJobFlow" -> runJobFlow(body);
            case "AddJobFlowSteps" -> addSteps(clusters.get(body.path("JobFlowId").asText()), body.path("Steps"));
            case "ListSteps" -> listSteps(clusters.get(body.path("ClusterId").asText()));
            case "ListClusters" -> listClusters(body);
            case "DescribeCluster" -> describeCluster(clusters.get(body.path("ClusterId").asText()));
            case "TerminateJobFlows" -> {
                body.path("JobFlowIds").forEach(id -> {
                    Cluster c = clusters.get(id.asText());
                    c.terminated = true;
                    c.state = "TERMINATED";
                });
                yield JSON.createObjectNode();
            }
            default -> JSON.createObjectNode().put("__type", "UnknownOperationException");
        };
    }

    private JsonNode runJobFlow(JsonNode body) {
        Cluster cluster = new Cluster("j-TEST" + (++clusterCounter), body.path("Name").asText(), launchTime,
                body.path("Instances").path("KeepJobFlowAliveWhenNoSteps").asBoolean(false), "STARTING");
        cluster.tags = body.has("Tags") ? body.get("Tags") : JSON.createArrayNode();
        clusters.put(cluster.id, cluster);
        addSteps(cluster, body.path("Steps"));
        return JSON.createObjectNode().put("JobFlowId", cluster.id)
                .put("ClusterArn", "arn:aws:elasticmapreduce:eu-west-1:123456789012:cluster/" + cluster.id);
    }

    private JsonNode addSteps(Cluster cluster, JsonNode steps) {
        ClusterScript script = scripts.isEmpty() ? ClusterScript.completesAfter(1) : scripts.poll();
        cluster.submissions.add(new Submission(script, cluster.steps.size(), steps.size()));
        ArrayNode ids = JSON.createArrayNode();
        steps.forEach(s -> {
            cluster.steps.add(s);
            ids.add("s-" + cluster.id + "-" + cluster.steps.size());
        });
        cluster.state = "RUNNING";
        return JSON.createObjectNode().set("StepIds", ids);
    }

    private JsonNode listSteps(Cluster cluster) {
        cluster.polls++;
        ArrayNode out = JSON.createArrayNode();
        int n = cluster.steps.size();
        // EMR lists the newest step first.
        for (int i = n - 1; i >= 0; i--) {
            JsonNode step = cluster.steps.get(i);
            String state = cluster.stateOf(i);
            // Steps submitted together share their creation time, as on EMR (ids do not sort either).
            ObjectNode timeline = JSON.createObjectNode().put("CreationDateTime", T0 + cluster.submissionOf(i));
            if (!state.equals("PENDING") && !state.equals("CANCELLED")) {
                timeline.put("StartDateTime", T0 + 60 + 100 * i);
            }
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                timeline.put("EndDateTime", T0 + 60 + 100 * i + 90);
            }
            ObjectNode status = JSON.createObjectNode().put("State", state);
            status.set("StateChangeReason", JSON.createObjectNode());
            status.set("Timeline", timeline);
            if (state.equals("FAILED")) {
                status.set("FailureDetails", JSON.createObjectNode().put("Reason", "Unknown error")
                        .put("LogFile", "s3://acme-snowplow-logs/emr/" + cluster.id + "/steps/s-" + (i + 1)));
            }
            ObjectNode summary = JSON.createObjectNode().put("Id", "s-" + cluster.id + "-" + (i + 1))
                    .put("Name", step.path("Name").asText())
                    .put("ActionOnFailure", step.path("ActionOnFailure").asText());
            summary.set("Config", step.path("HadoopJarStep"));
            summary.set("Status", status);
            out.add(summary);
        }
        // Each poll moves every submission on; a cluster with nothing left to run waits or ends.
        cluster.submissions.forEach(s -> s.polls++);
        if (!cluster.terminated && !cluster.busy()) {
            cluster.state = cluster.keepAlive ? "WAITING" : "TERMINATED";
        }
        return JSON.createObjectNode().set("Steps", out);
    }

    private JsonNode listClusters(JsonNode body) {
        Set<String> states = new HashSet<>();
        body.path("ClusterStates").forEach(st -> states.add(st.asText()));
        List<Cluster> matching = clusters.values().stream()
                .filter(c -> states.isEmpty() || states.contains(c.state)).toList();
        int from = body.hasNonNull("Marker") ? Integer.parseInt(body.path("Marker").asText()) : 0;
        int to = Math.min(matching.size(), from + listClustersPageSize);
        ArrayNode out = JSON.createArrayNode();
        for (Cluster c : matching.subList(from, to)) {
            ObjectNode status = JSON.createObjectNode().put("State", c.state);
            status.set("Timeline", JSON.createObjectNode().put("CreationDateTime", epochSeconds(c.created)));
            ObjectNode summary = JSON.createObjectNode().put("Id", c.id).put("Name", c.name)
                    .put("NormalizedInstanceHours", 8);
            summary.set("Status", status);
            out.add(summary);
        }
        ObjectNode page = JSON.createObjectNode();
        page.set("Clusters", out);
        if (to < matching.size()) {
            page.put("Marker", String.valueOf(to));
        }
        return page;
    }

    private JsonNode describeCluster(Cluster cluster) {
        String[] reason = cluster.reasons().clusterReason(cluster.polls);
        ObjectNode status = JSON.createObjectNode().put("State", cluster.state);
        status.set("StateChangeReason", JSON.createObjectNode().put("Code", reason[0]).put("Message", reason[1]));
        status.set("Timeline", JSON.createObjectNode().put("CreationDateTime", epochSeconds(cluster.created)));
        ObjectNode c = JSON.createObjectNode().put("Id", cluster.id).put("Name", cluster.name);
        c.set("Status", status);
        c.set("Tags", cluster.tags);
        return JSON.createObjectNode().set("Cluster", c);
    }

    private static double epochSeconds(Instant time) {
        return time.getEpochSecond() + time.getNano() / 1e9;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * An SDK client pointed here the way production points one at EMR: through the SDK's own endpoint setting
     * ({@code aws.endpointUrlEmr}, the system-property form of {@code AWS_ENDPOINT_URL_EMR}), with test credentials
     * from the default chain. {@link SdkClient#close()} closes the client and clears the settings again.
     */
    public SdkClient sdkClient(String region) {
        System.setProperty("aws.endpointUrlEmr", endpoint().toString());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        return new SdkClient(EmrClientFactory.create(region, AwsCredentialsSource.defaultChain()));
    }

    /** The client of {@link #sdkClient(String)}. */
    public record SdkClient(EmrClient emr) implements AutoCloseable {
        @Override
        public void close() {
            emr.close();
            System.clearProperty("aws.endpointUrlEmr");
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
