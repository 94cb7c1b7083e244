package dev.tributary.loader.buffer;

import java.time.LocalDate;

/** A fast path for enriched timestamps {@code yyyy-MM-dd HH:mm:ss[.fraction]} read straight from UTF-8 bytes. */
final class Timestamps {

    private Timestamps() {
    }

    /** @return epoch milliseconds (UTC), or {@code Long.MIN_VALUE} if the bytes do not have exactly that shape */
    static long parseMillis(byte[] b, int from, int to) {
        if (from < 0 || to - from < 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != ' '
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        int millis = 0;
        int i = from + 19;
        if (i < to) {
            if (b[i] != '.' || to - i < 2 || to - i > 10) {
                return Long.MIN_VALUE;
            }
            int scale = 100;
            for (int k = i + 1; k < to; k++) {
                int d = b[k] - '0';
                if (d < 0 || d > 9) {
                    return Long.MIN_VALUE;
                }
                millis += d * scale;
                scale /= 10;
            }
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
