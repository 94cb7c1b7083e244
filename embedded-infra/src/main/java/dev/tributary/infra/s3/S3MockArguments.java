package dev.tributary.infra.s3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns settings into the command-line arguments S3Mock 5.2.0's Spring Boot application is started with.
 *
 * <p>Command-line arguments outrank every other Spring property source, so nothing else in the JVM (system
 * properties, environment variables) can redirect the server. {@code spring.config.name} points at a name no file
 * has, so neither S3Mock's own {@code application.properties} nor one of ours that shadows it on the classpath, nor one
 * in the working directory, is read: the values S3Mock's file sets are repeated here instead.
 */
final class S3MockArguments {

  private S3MockArguments() {
  }

  static String[] of(S3Settings settings, Path root) {
    List<String> args = new ArrayList<>();
    args.add("--spring.config.name=tributary-embedded-s3-no-config-file");

    // HTTP only: S3Mock's main connector is HTTPS (server.port, self-signed keystore); turn TLS off and let it take
    // a free port nobody uses, and serve on the extra plain connector S3Mock adds for http.port.
    args.add("--server.ssl.enabled=false");
    args.add("--server.port=0");
    // Binds only S3Mock's main connector: the extra ones it adds itself ignore it, see S3MockBoot.bindConnectors.
    args.add("--server.address=" + settings.bindAddress());
    args.add("--http.port=" + settings.port());
    args.add("--com.adobe.testing.s3mock.httpPort=" + settings.port());

    args.add("--com.adobe.testing.s3mock.store.root=" + root);
    args.add("--com.adobe.testing.s3mock.store.retain-files-on-exit=" + settings.persistent());
    args.add("--com.adobe.testing.s3mock.store.region=" + settings.region());
    args.add("--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", settings.initialBuckets()));
    // valid-kms-keys is left empty on purpose: KmsKeys supplies the key store.

    // From S3Mock's application.properties (not read, see above).
    args.add("--spring.main.lazy-initialization=true");
    args.add("--com.adobe.testing.s3mock.max-payload-size=10MB");
    args.add("--server.tomcat.max-part-count=-1");
    args.add("--server.tomcat.max-swallow-size=10MB");
    args.add("--server.tomcat.max-http-form-post-size=10MB");
    args.add("--spring.servlet.multipart.max-file-size=10MB");
    args.add("--spring.servlet.multipart.max-request-size=10MB");
    args.add("--management.endpoints.web.discovery.enabled=false");
    args.add("--management.endpoints.access.default=none");

    // Keep the server's reach inside its own application context.
    args.add("--spring.jmx.enabled=false");
    args.add("--server.tomcat.mbeanregistry.enabled=false");
    args.add("--management.metrics.use-global-registry=false");
    args.add("--spring.main.register-shutdown-hook=false");
    args.add("--spring.main.banner-mode=off");
    args.add("--spring.main.log-startup-info=false");
    return args.toArray(String[]::new);
  }
}
