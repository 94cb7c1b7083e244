package dev.tributary.warehouse.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Read access to the files of one location, addressed by paths relative to it ({@code atomic-events/part-0.gz}). */
public interface RunStorage {

    /** Every file below {@code relativeFolder} (recursively), as relative paths, sorted. */
    List<String> listFiles(String relativeFolder) throws IOException;

    /** Names of the immediate sub-folders of this location, sorted. */
    List<String> listFolders() throws IOException;

    boolean exists(String relativePath) throws IOException;

    InputStream open(String relativePath) throws IOException;

    /** The same storage one folder down. */
    RunStorage child(String folderName);

    RunLocation location();
}
