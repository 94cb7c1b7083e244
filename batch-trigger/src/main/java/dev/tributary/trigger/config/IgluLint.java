package dev.tributary.trigger.config;

import dev.tributary.schemas.iglu.Repository;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.ResolverConfig;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code lint resolver} and {@code lint enrichments}, as EmrEtlRunner had them: the resolver config is checked
 * against {@code resolver-config}, each enrichment JSON against its own schema. Schemas bundled with Tributary
 * (Snowplow's enrichment and resolver schemas) are looked up first, so linting needs no network for them; other
 * schemas come from the repositories the resolver config names.
 */
public final class IgluLint {

    private IgluLint() {
    }

    /** Problems in the resolver file, each prefixed with the file name; empty when valid. */
    public static List<String> resolver(Path file) {
        String name = file.getFileName().toString();
        List<String> problems = new ArrayList<>();
        try {
            String text = Files.readString(file);
            SelfDescribingJson json = SelfDescribingJson.parse(text);
            ValidationResult result = Resolver.bundled().validate(json);
            if (!result.isValid()) {
                problems.add(name + ": " + result.describe());
            }
            ResolverConfig.parse(text);
        } catch (IOException e) {
            problems.add(name + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // ResolverConfigException names the key inside data (repositories[1].connection ...).
            problems.add(name + ": " + e.getMessage());
        }
        return problems;
    }

    /** Problems in every {@code *.json} of the enrichments directory; empty when all are valid. */
    public static List<String> enrichments(Path resolverFile, Path dir) {
        List<String> problems = new ArrayList<>(resolver(resolverFile));
        if (!problems.isEmpty()) {
            return problems;
        }
        Resolver resolver;
        List<Path> files;
        try {
            List<Repository> repositories = new ArrayList<>(Resolver.bundled().repositories());
            ResolverConfig config = ResolverConfig.parse(Files.readString(resolverFile));
            config.repositories().forEach(r -> repositories.add(r.toRepository()));
            resolver = new Resolver(repositories, config.cacheSize(), config.cacheTtl());
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
        } catch (IOException e) {
            return List.of(dir + ": cannot read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            problems.add(dir + ": no enrichment JSON files");
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                ValidationResult result = resolver.validate(SelfDescribingJson.parse(Files.readString(file)));
                if (!result.isValid()) {
                    problems.add(name + ": " + result.describe());
                }
            } catch (IOException e) {
                problems.add(name + ": cannot read: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
