package dev.tributary.trigger.local;

import java.util.ArrayList;
import java.util.List;

/** One loader invocation; {@code targetJson} holds the warehouse password, so requests are never logged whole. */
public record LoadRequest(String run, String targetName, String targetJson, String resolverJson,
                          List<String> includes, List<String> skips) {

    public LoadRequest {
        includes = List.copyOf(includes);
        skips = List.copyOf(skips);
    }

    public List<String> args() {
        List<String> args = new ArrayList<>(List.of("--run", run, "--target", targetJson, "--resolver",
                resolverJson));
        includes.forEach(i -> args.addAll(List.of("--include", i)));
        skips.forEach(s -> args.addAll(List.of("--skip", s)));
        return args;
    }

    @Override
    public String toString() {
        return "LoadRequest[run=" + run + ", target=" + targetName + ", includes=" + includes + ", skips=" + skips
                + "]";
    }
}
