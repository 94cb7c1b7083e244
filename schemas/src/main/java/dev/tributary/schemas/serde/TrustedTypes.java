package dev.tributary.schemas.serde;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes it was not told to trust. A serde is built for one
 * generated record type, chosen by the application, so that type is trusted explicitly here rather
 * than asking every deployment to set {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
 */
final class TrustedTypes {

    private static final Set<Class<?>> TRUSTED = ConcurrentHashMap.newKeySet();

    private TrustedTypes() {
    }

    static synchronized void trust(Class<?> type) {
        if (TRUSTED.isEmpty()) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(), TRUSTED::contains));
        }
        TRUSTED.add(type);
    }
}
