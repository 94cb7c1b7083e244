package dev.tributary.loader.key;

/** The first and last offset (inclusive) of the records in one object; the unit of commit and of replay. */
public record OffsetRange(long first, long last) implements Comparable<OffsetRange> {

    public OffsetRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("invalid offset range " + first + "-" + last);
        }
    }

    public boolean contains(long offset) {
        return offset >= first && offset <= last;
    }

    @Override
    public int compareTo(OffsetRange o) {
        return first != o.first ? Long.compare(first, o.first) : Long.compare(last, o.last);
    }
}
