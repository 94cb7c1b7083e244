package dev.tributary.collector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {

    @Test
    void takesAllOrNothingAndGivesBack() {
        ByteBudget budget = new ByteBudget(100);
        assertThat(budget.tryAcquire(60)).isTrue();
        assertThat(budget.tryAcquire(41)).isFalse();
        assertThat(budget.used()).isEqualTo(60);
        assertThat(budget.tryAcquire(40)).isTrue();
        budget.release(60);
        assertThat(budget.used()).isEqualTo(40);
        assertThat(budget.tryAcquire(61)).isFalse();
    }

    @Test
    void concurrentAcquirersNeverExceedTheLimit() throws Exception {
        ByteBudget budget = new ByteBudget(10_000);
        AtomicLong maxSeen = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        if (budget.tryAcquire(700)) {
                            maxSeen.accumulateAndGet(budget.used(), Math::max);
                            budget.release(700);
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxSeen.get()).isPositive().isLessThanOrEqualTo(10_000);
        assertThat(budget.used()).isZero();
    }
}
