package dev.tributary.runtime.config;

import java.util.List;
import java.util.Locale;

/**
 * How environment variable names are formed from keys: {@code TRIBUTARY_<SERVICE>_<KEY>} where SERVICE is the
 * service's name and KEY the path below the service's config root, each upper-cased with every character that
 * is not a letter or digit ({@code .}, {@code -}) turned into {@code _}.
 *
 * <p>The mapping is applied from keys to names only: the loader forms the name of every key that
 * {@code reference.conf} defines and looks the variable up by that name. Going the other way ("which key does
 * {@code _} stand for?") would be ambiguous, because {@code _} replaces both {@code .} and {@code -}; going this
 * way is lossless for every key a service knows, lets users write the names they would guess, and turns the
 * one possible ambiguity (two keys differing only in {@code .} versus {@code -}) into an error found when the
 * catalog is built, not a silent wrong pick.
 */
public final class EnvNames {

    private EnvNames() {
    }

    /** {@code TRIBUTARY_S3_LOADER_} for service {@code s3-loader}. */
    public static String prefix(String serviceName) {
        return "TRIBUTARY_" + segment(serviceName) + "_";
    }

    /** {@code TRIBUTARY_COLLECTOR_SINK_BOOTSTRAP_SERVERS} for service collector, key segments sink, bootstrap-servers. */
    public static String name(String serviceName, List<String> relativeSegments) {
        StringBuilder sb = new StringBuilder(prefix(serviceName));
        for (int i = 0; i < relativeSegments.size(); i++) {
            sb.append(i == 0 ? "" : "_").append(segment(relativeSegments.get(i)));
        }
        return sb.toString();
    }

    static String segment(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            sb.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return sb.toString();
    }
}
