package dev.tributary.shredder.bench;

import dev.tributary.schemas.badrows.Processor;
import dev.tributary.shredder.Encryption;
import dev.tributary.shredder.EnrichedEventGenerator;
import dev.tributary.shredder.ShredJob;
import dev.tributary.shredder.ShredStats;
import dev.tributary.shredder.ShredderConfig;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Shreds a generated run folder of enriched events with Spark {@code local[2]} and compares it with a Spark job
 * that only reads the same files and writes them back (text, gzip). Not part of {@code mvn verify}; see
 * docs/benchmarks.md for the command.
 *
 * <p>Arguments: events (default 1,000,000), rounds (default 2; each round runs the baseline then the shredder).
 */
public final class ShredderBenchmark {

    private static final int EVENTS_PER_FILE = 100_000;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path work = Files.createTempDirectory("shredder-bench");
        Path input = work.resolve("enriched/good/run=2026-11-30-23-00-00");
        long expectedGood = 0;
        long bytes = 0;
        long lines = 0;
        for (int f = 0; f * EVENTS_PER_FILE < events; f++) {
            int n = Math.min(EVENTS_PER_FILE, events - f * EVENTS_PER_FILE);
            // A sprinkle of replays and id collisions, as a real run has: 0.5 % natural, 0.2 % synthetic.
            int natural = n / 200;
            int synthetic = n / 1000;
            EnrichedEventGenerator generator = new EnrichedEventGenerator(f)
                    .unique(n - natural * 2 - synthetic * 2).naturalDuplicates(natural, 2)
                    .syntheticDuplicates(synthetic).shuffle();
            expectedGood += generator.good;
            lines += generator.lines().size();
            for (String line : generator.lines()) {
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            generator.writeGzip(input.resolve("2026/11/30/23/enriched-" + f + "-" + (f * EVENTS_PER_FILE) + ".gz"));
        }
        System.out.printf("input: %,d lines, %,d events expected, %.1f MiB of TSV (%.0f bytes/line), %.1f MiB gzip%n",
                lines, expectedGood, bytes / 1048576.0, (double) bytes / lines, size(input) / 1048576.0);

        SparkSession spark = SparkSession.builder().master("local[2]").appName("shredder-benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        HeapSampler heap = new HeapSampler();
        heap.start();
        try {
            for (int round = 1; round <= rounds; round++) {
                Path copy = work.resolve("copy-" + round);
                heap.reset();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                spark.read().option("recursiveFileLookup", "true").textFile(input.toUri().toString())
                        .write().option("compression", "gzip").text(copy.toUri().toString());
                double baseline = (System.nanoTime() - t0) / 1e9;
                double baselineCpu = (cpuNanos() - c0) / 1e9;
                long baselineHeap = heap.peak();

                ShredderConfig config = new ShredderConfig(input.toUri().toString(),
                        work.resolve("shredded-" + round + "/good").toUri().toString(),
                        work.resolve("shredded-" + round + "/bad").toUri().toString(), "2026-11-30-23-00-00",
                        resolver(), Encryption.none(), ShredderConfig.OutputMode.SHRED,
                        new Processor("tributary-shredder", "0.1.0"));
                heap.reset();
                long c1 = cpuNanos();
                long t1 = System.nanoTime();
                ShredJob.Result result = new ShredJob(spark, config, Clock.systemUTC()).run();
                double shred = (System.nanoTime() - t1) / 1e9;
                double shredCpu = (cpuNanos() - c1) / 1e9;
                long shredHeap = heap.peak();
                if (result.stats().get(ShredStats.GOOD) != expectedGood) {
                    throw new IllegalStateException("expected " + expectedGood + " good events, got "
                            + result.stats().get(ShredStats.GOOD));
                }
                System.out.printf("round %d: baseline (read + write gzip text) %.1f s (%.1f s CPU) = %,.0f lines/s, "
                                + "peak heap %d MiB; shredder %.1f s (%.1f s CPU) = %,.0f lines/s, peak heap %d MiB, "
                                + "output %.1f MiB gzip; ratio %.2f (by CPU time %.2f); load average %.1f%n", round,
                        baseline, baselineCpu, lines / baseline, baselineHeap >> 20, shred, shredCpu, lines / shred,
                        shredHeap >> 20, size(work.resolve("shredded-" + round)) / 1048576.0, baseline / shred,
                        baselineCpu / shredCpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        } finally {
            heap.interrupt();
            spark.stop();
            delete(work);
        }
    }

    /** CPU time of the whole JVM (all threads), so a busy machine shows less in the comparison than wall time. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String resolver() throws IOException {
        try (var in = ShredderBenchmark.class.getResourceAsStream("/test-resolver.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Samples heap used (all heap pools) every 20 ms and keeps the peak since the last reset. */
    private static final class HeapSampler extends Thread {
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        void reset() {
            System.gc();
            peak.set(0);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
