package dev.tributary.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The trigger's own version (filtered in at build time); Tributary's jars on EMR carry the same version. */
public final class TriggerVersion {

    private TriggerVersion() {
    }

    public static String get() {
        try (InputStream in = TriggerVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
