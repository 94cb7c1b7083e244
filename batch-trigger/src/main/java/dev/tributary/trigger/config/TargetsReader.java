package dev.tributary.trigger.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code -t} directory: every {@code *.json} is a self-describing storage target
 * ({@code iglu:com.snowplowanalytics.snowplow.storage/<type>/jsonschema/x-y-z}). Target ids must be unique.
 */
public final class TargetsReader {

    private static final Pattern SCHEMA =
            Pattern.compile("iglu:com\\.snowplowanalytics\\.snowplow\\.storage/([a-z_]+)/jsonschema/\\d+-\\d+-\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();

    public List<StorageTarget> read(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), new ConfigProblem("(directory)", "a readable directory",
                    e.getMessage()));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        List<StorageTarget> targets = new ArrayList<>();
        Map<String, String> idToFile = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            read(file, problems).ifPresent(target -> {
                String earlier = idToFile.putIfAbsent(target.id(), name);
                if (earlier != null) {
                    problems.add(new ConfigProblem(name + ": data.id", "an id no other target uses (" + earlier
                            + " has it)", target.id()));
                } else {
                    targets.add(target);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(dir.toString(), problems);
        }
        return targets;
    }

    private static Optional<StorageTarget> read(Path file, List<ConfigProblem> problems) {
        String name = file.getFileName().toString();
        String text;
        JsonNode root;
        try {
            text = Files.readString(file);
            root = JSON.readTree(text);
        } catch (IOException e) {
            problems.add(new ConfigProblem(name, "a JSON document", e.getMessage()));
            return Optional.empty();
        }
        String schema = root.path("schema").asText("");
        Matcher m = SCHEMA.matcher(schema);
        StorageTarget.Type type = null;
        if (m.matches()) {
            for (StorageTarget.Type t : StorageTarget.Type.values()) {
                if (t.schemaName().equals(m.group(1))) {
                    type = t;
                }
            }
        }
        if (type == null) {
            problems.add(new ConfigProblem(name + ": schema", "iglu:com.snowplowanalytics.snowplow.storage/"
                    + "{redshift_config|postgresql_config|amazon_dynamodb_config|elastic_config}/jsonschema/x-y-z",
                    schema));
            return Optional.empty();
        }
        JsonNode data = root.path("data");
        int before = problems.size();
        String targetName = text(data, "name", name, problems);
        String id = text(data, "id", name, problems);
        StorageTarget.Purpose purpose = purpose(type, data, name, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        Optional<JsonNode> blacklist = data.has("blacklistTabular") && !data.get("blacklistTabular").isNull()
                ? Optional.of(data.get("blacklistTabular")) : Optional.empty();
        return Optional.of(new StorageTarget(name, type, targetName, id, purpose, blacklist, text));
    }

    private static String text(JsonNode data, String field, String file, List<ConfigProblem> problems) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(new ConfigProblem(file + ": data." + field, "a non-empty string",
                    v == null ? null : v.toString()));
            return "";
        }
        return v.asText();
    }

    private static StorageTarget.Purpose purpose(StorageTarget.Type type, JsonNode data, String file,
                                                 List<ConfigProblem> problems) {
        StorageTarget.Purpose implied = switch (type) {
            case REDSHIFT, POSTGRESQL -> StorageTarget.Purpose.ENRICHED_EVENTS;
            case DYNAMODB -> StorageTarget.Purpose.DUPLICATE_TRACKING;
            case ELASTICSEARCH -> StorageTarget.Purpose.FAILED_EVENTS;
        };
        JsonNode v = data.get("purpose");
        if (v == null) {
            return implied;
        }
        try {
            StorageTarget.Purpose given = StorageTarget.Purpose.valueOf(v.asText());
            if (given != implied && type != StorageTarget.Type.ELASTICSEARCH) {
                problems.add(new ConfigProblem(file + ": data.purpose", implied + " for a " + type.schemaName(),
                        v.asText()));
            }
            return given;
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(file + ": data.purpose",
                    "ENRICHED_EVENTS, DUPLICATE_TRACKING or FAILED_EVENTS", v.asText()));
            return implied;
        }
    }
}
