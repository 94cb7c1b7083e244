package dev.tributary.warehouse.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A run on the local file system (tests, the local runner, a run copied down from S3). */
public final class LocalRunStorage implements RunStorage {

    private final RunLocation.Local location;

    public LocalRunStorage(RunLocation.Local location) {
        this.location = location;
    }

    @Override
    public List<String> listFiles(String relativeFolder) throws IOException {
        Path dir = location.directory().resolve(relativeFolder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> location.directory().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public List<String> listFolders() throws IOException {
        if (!Files.isDirectory(location.directory())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(location.directory())) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public boolean exists(String relativePath) {
        return Files.isRegularFile(location.directory().resolve(relativePath));
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        return Files.newInputStream(location.directory().resolve(relativePath));
    }

    @Override
    public RunStorage child(String folderName) {
        return new LocalRunStorage((RunLocation.Local) location.child(folderName));
    }

    @Override
    public RunLocation location() {
        return location;
    }
}
