package dev.tributary.loader.upload;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS SDK's SigV4 signer logs the whole canonical request at DEBUG, header values included, and with SSE-C one of
 * those headers is the customer key. When a loader uses SSE-C, this caps those loggers at INFO (logback, the backend
 * the loader ships with; another backend has to be configured by hand) and says so once, so that turning on DEBUG to
 * chase an S3 problem cannot leak the key into log storage.
 */
public final class SignerLogGuard {

    static final List<String> SIGNER_LOGGERS = List.of(
            "software.amazon.awssdk.http.auth.aws.internal.signer",
            "software.amazon.awssdk.auth.signer");

    private static final Logger LOG = LoggerFactory.getLogger(SignerLogGuard.class);

    private SignerLogGuard() {
    }

    public static void capSignerLogging(String loader) {
        for (String name : SIGNER_LOGGERS) {
            Logger logger = LoggerFactory.getLogger(name);
            if (logger.isDebugEnabled()) {
                if (logger instanceof ch.qos.logback.classic.Logger logback) {
                    logback.setLevel(ch.qos.logback.classic.Level.INFO);
                    LOG.atWarn().addKeyValue("loader", loader).addKeyValue("signer_logger", name)
                            .addKeyValue("reason", "its DEBUG lines carry the SSE-C key")
                            .log("SSE-C signer DEBUG logging capped at INFO");
                } else {
                    LOG.atWarn().addKeyValue("loader", loader).addKeyValue("signer_logger", name)
                            .addKeyValue("reason", "its DEBUG lines carry the SSE-C key; set it to INFO")
                            .log("SSE-C signer DEBUG logging enabled");
                }
            }
        }
    }
}
