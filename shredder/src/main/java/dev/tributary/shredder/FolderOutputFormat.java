package dev.tributary.shredder;

import org.apache.hadoop.mapred.lib.MultipleTextOutputFormat;

/**
 * Writes each (folder, line) pair to {@code <folder>/part-NNNNN[.gz]} under the job's output directory, the line
 * alone: one Spark job writes atomic-events and every type folder in a single pass over the data, under one
 * output committer (which also writes {@code _SUCCESS} at the run folder's root when all tasks committed).
 */
public final class FolderOutputFormat extends MultipleTextOutputFormat<String, String> {

    @Override
    protected String generateFileNameForKeyValue(String folder, String line, String name) {
        return folder + "/" + name;
    }

    @Override
    protected String generateActualKey(String folder, String line) {
        // A null key makes TextOutputFormat write the value only, without a separator.
        return null;
    }
}
