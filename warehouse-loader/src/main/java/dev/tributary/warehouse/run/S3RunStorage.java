package dev.tributary.warehouse.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A run in S3, read with the AWS SDK; objects are streamed, never downloaded whole. */
public final class S3RunStorage implements RunStorage {

    private final S3Client s3;
    private final RunLocation.S3 location;

    public S3RunStorage(S3Client s3, RunLocation.S3 location) {
        this.s3 = s3;
        this.location = location;
    }

    @Override
    public List<String> listFiles(String relativeFolder) throws IOException {
        String prefix = location.prefix() + folderPrefix(relativeFolder);
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(location.bucket()).prefix(prefix).build()).contents()) {
                // Console-made "folders" are zero-byte keys ending in '/', and EMR's are "$folder$" markers.
                if (o.key().endsWith("/") || o.key().endsWith("_$folder$")) {
                    continue;
                }
                keys.add(o.key().substring(location.prefix().length()));
            }
        } catch (SdkException e) {
            throw new IOException("cannot list " + location.s3Uri() + folderPrefix(relativeFolder) + ": " + e.getMessage(), e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public List<String> listFolders() throws IOException {
        List<String> folders = new ArrayList<>();
        try {
            for (var page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(location.bucket()).prefix(location.prefix()).delimiter("/").build())) {
                for (CommonPrefix p : page.commonPrefixes()) {
                    String name = p.prefix().substring(location.prefix().length());
                    folders.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                }
            }
        } catch (SdkException e) {
            throw new IOException("cannot list " + location.s3Uri() + ": " + e.getMessage(), e);
        }
        folders.sort(null);
        return folders;
    }

    @Override
    public boolean exists(String relativePath) throws IOException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(location.bucket()).key(location.prefix() + relativePath).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("cannot read " + location.s3Uri() + relativePath + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read " + location.s3Uri() + relativePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(location.bucket()).key(location.prefix() + relativePath).build());
        } catch (SdkException e) {
            throw new IOException("cannot read " + location.s3Uri() + relativePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RunStorage child(String folderName) {
        return new S3RunStorage(s3, (RunLocation.S3) location.child(folderName));
    }

    @Override
    public RunLocation location() {
        return location;
    }

    private static String folderPrefix(String relativeFolder) {
        if (relativeFolder.isEmpty() || relativeFolder.endsWith("/")) {
            return relativeFolder;
        }
        return relativeFolder + "/";
    }
}
