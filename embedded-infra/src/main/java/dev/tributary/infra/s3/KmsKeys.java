package dev.tributary.infra.s3;

import com.adobe.testing.s3mock.s3.store.KmsKeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KMS key store S3Mock validates {@code aws:kms} uploads against.
 *
 * <p>S3Mock 5.2.0 turns each configured ARN into an entry keyed by the bare key id, and then looks the request's
 * {@code x-amz-server-side-encryption-aws-kms-key-id} header up as is, so an upload naming the full ARN (as AWS allows,
 * and as our configuration does) is refused with 400 "Invalid keyId". Registering the ARN itself as a key too accepts
 * both spellings; HEAD then echoes whichever one the upload sent.
 */
final class KmsKeys {

  private KmsKeys() {
  }

  static KmsKeyStore storeFor(List<String> arns) {
    Map<String, String> idToArn = new LinkedHashMap<>();
    for (String arn : arns) {
      idToArn.put(arn.substring(arn.lastIndexOf('/') + 1), arn);
      idToArn.put(arn, arn);
    }
    return new KmsKeyStore(idToArn);
  }
}
