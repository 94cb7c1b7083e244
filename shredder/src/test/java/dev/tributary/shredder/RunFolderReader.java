package dev.tributary.shredder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads what the shredder wrote to a local folder: the lines of every part file, by folder relative to the root. */
final class RunFolderReader {

    private RunFolderReader() {
    }

    static Map<String, List<String>> linesByFolder(Path root) {
        Map<String, List<String>> byFolder = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                String folder = root.relativize(file.getParent()).toString().replace('\\', '/');
                byFolder.computeIfAbsent(folder, f -> new ArrayList<>()).addAll(lines(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFolder;
    }

    static List<String> lines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return linesOf(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> linesOf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
