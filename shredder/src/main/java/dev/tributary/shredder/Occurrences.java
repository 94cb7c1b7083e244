package dev.tributary.shredder;

import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

import java.util.Iterator;

/**
 * Numbers every line of the input with a uid: its partition in the high bits, its position in the partition in
 * the low 36. The same files read the same way number the same line the same way, which lets the scan and the
 * shred stages (two reads) agree on which occurrence of a duplicated event is "the first".
 */
final class Occurrences implements Function2<Integer, Iterator<String>, Iterator<Tuple2<Long, String>>> {

    private static final long serialVersionUID = 1L;
    private static final int LINE_BITS = 36;

    @Override
    public Iterator<Tuple2<Long, String>> call(Integer partition, Iterator<String> lines) {
        long base = ((long) partition) << LINE_BITS;
        return new Iterator<>() {
            private long line;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Tuple2<Long, String> next() {
                return new Tuple2<>(base | line++, lines.next());
            }
        };
    }
}
