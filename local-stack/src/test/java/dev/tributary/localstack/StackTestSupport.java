package dev.tributary.localstack;

import dev.tributary.localstack.client.BucketObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import software.amazon.awssdk.services.s3.S3Client;

/** What the stack's tests need to reach a running stack: free ports to start it on, and an S3 client for it. */
final class StackTestSupport {

    private StackTestSupport() {
    }

    /** An S3 client for the stack's S3 server at {@code endpoint}, as its README tells users to configure one. */
    static S3Client s3(String endpoint) {
        return BucketObjects.client(endpoint);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
