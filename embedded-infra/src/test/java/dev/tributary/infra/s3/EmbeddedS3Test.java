package dev.tributary.infra.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class EmbeddedS3Test {

  private static final String BUCKET = "enriched";
  private static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/0b5e4c4e-7f3a-4c4f-9a43-2d1f4a9b7c11";

  private static EmbeddedS3 s3;
  private static S3Client client;

  // One server for the tests that need no restart: S3Mock's Spring context costs a few seconds to start.
  @BeforeAll
  static void startServer() {
    s3 = EmbeddedS3.builder().initialBuckets(BUCKET).validKmsKeys(KMS_KEY).build().start();
    client = clientFor(s3);
  }

  @AfterAll
  static void stopServer() {
    client.close();
    s3.close();
  }

  @Test
  void endpointIsPlainHttpOnLocalhost() {
    assertThat(s3.endpoint().toString()).isEqualTo("http://localhost:" + s3.port());
    assertThat(s3.region()).isEqualTo("us-east-1");
  }

  @Test
  void aes256IsReportedOnHeadAndContentRoundTrips() {
    client.putObject(b -> b.bucket(BUCKET).key("aes/object.txt").serverSideEncryption(ServerSideEncryption.AES256),
        RequestBody.fromString("hello aes"));

    HeadObjectResponse head = client.headObject(b -> b.bucket(BUCKET).key("aes/object.txt"));

    assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key("aes/object.txt")).asUtf8String())
        .isEqualTo("hello aes");
  }

  @Test
  void kmsEncryptionAndKeyIdAreReportedOnHead() {
    client.putObject(b -> b.bucket(BUCKET).key("kms/object.txt")
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY),
        RequestBody.fromString("hello kms"));

    HeadObjectResponse head = client.headObject(b -> b.bucket(BUCKET).key("kms/object.txt"));

    assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
    assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key("kms/object.txt")).asUtf8String())
        .isEqualTo("hello kms");
  }

  @Test
  void multipartUploadAssemblesTheParts() {
    String key = "multipart/object.bin";
    String uploadId = client.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
        .serverSideEncryption(ServerSideEncryption.AES256)).uploadId();
    // Every part but the last must be at least 5 MiB, as on AWS.
    byte[] first = filled(5 * 1024 * 1024, (byte) 'a');
    byte[] second = "tail".getBytes(StandardCharsets.UTF_8);
    List<CompletedPart> parts = new ArrayList<>();
    parts.add(CompletedPart.builder().partNumber(1).eTag(client.uploadPart(
        b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1), RequestBody.fromBytes(first)).eTag()).build());
    parts.add(CompletedPart.builder().partNumber(2).eTag(client.uploadPart(
        b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(2), RequestBody.fromBytes(second)).eTag()).build());

    client.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));

    byte[] stored = client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    assertThat(stored).hasSize(first.length + second.length);
    assertThat(stored[0]).isEqualTo((byte) 'a');
    assertThat(new String(stored, first.length, second.length, StandardCharsets.UTF_8)).isEqualTo("tail");
    assertThat(client.headObject(b -> b.bucket(BUCKET).key(key)).serverSideEncryption())
        .isEqualTo(ServerSideEncryption.AES256);
  }

  @Test
  void persistentDataDirKeepsObjectsAndTheirEncryptionAcrossRestart(@TempDir Path dataDir) {
    EmbeddedS3.Builder builder = EmbeddedS3.builder().dataDir(dataDir).initialBuckets("durable").validKmsKeys(KMS_KEY);
    try (EmbeddedS3 first = builder.build().start(); S3Client firstClient = clientFor(first)) {
      firstClient.putObject(b -> b.bucket("durable").key("kept.txt")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY), RequestBody.fromString("kept"));
    }

    try (EmbeddedS3 second = builder.build().start(); S3Client secondClient = clientFor(second)) {
      assertThat(secondClient.listObjectsV2(b -> b.bucket("durable")).contents())
          .extracting(S3Object::key).containsExactly("kept.txt");
      assertThat(secondClient.getObjectAsBytes(b -> b.bucket("durable").key("kept.txt")).asUtf8String())
          .isEqualTo("kept");
      HeadObjectResponse head = secondClient.headObject(b -> b.bucket("durable").key("kept.txt"));
      assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
    }
  }

  private static S3Client clientFor(EmbeddedS3 server) {
    return S3Clients.builder(server).httpClient(UrlConnectionHttpClient.create()).build();
  }

  private static byte[] filled(int size, byte value) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }
}
