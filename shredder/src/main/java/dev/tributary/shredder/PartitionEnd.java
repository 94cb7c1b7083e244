package dev.tributary.shredder;

import java.util.Iterator;

/** Runs an action once, when a lazily consumed partition iterator is exhausted (to hand over per-task stats). */
final class PartitionEnd {

    private PartitionEnd() {
    }

    static <T> Iterator<T> then(Iterator<T> inner, Runnable atEnd) {
        return new Iterator<>() {
            private boolean done;

            @Override
            public boolean hasNext() {
                boolean more = inner.hasNext();
                if (!more && !done) {
                    done = true;
                    atEnd.run();
                }
                return more;
            }

            @Override
            public T next() {
                return inner.next();
            }
        };
    }
}
