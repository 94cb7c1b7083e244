package dev.tributary.trigger.emr;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of one S3DistCp run through {@code command-runner.jar s3-dist-cp ...} (EMR 4+). Every copy gets
 * {@code --s3ServerSideEncryption} when the buckets are encrypted (R108 #3456), which S3DistCp turns into SSE-S3.
 */
final class S3DistCp {

    private final List<String> args = new ArrayList<>(List.of("s3-dist-cp"));

    static S3DistCp copy(String src, String dest) {
        S3DistCp c = new S3DistCp();
        c.args.addAll(List.of("--src", src, "--dest", dest));
        return c;
    }

    S3DistCp option(String name, String value) {
        args.add(name);
        args.add(value);
        return this;
    }

    S3DistCp flag(String name) {
        args.add(name);
        return this;
    }

    List<String> args(String s3Endpoint, boolean encrypted) {
        List<String> out = new ArrayList<>(args);
        out.addAll(List.of("--s3Endpoint", s3Endpoint));
        if (encrypted) {
            out.add("--s3ServerSideEncryption");
        }
        return out;
    }

    /** EmrEtlRunner: {@code s3.amazonaws.com} in us-east-1, {@code s3-<region>.amazonaws.com} elsewhere. */
    static String endpointFor(String region) {
        return region.equals("us-east-1") ? "s3.amazonaws.com" : "s3-" + region + ".amazonaws.com";
    }
}
