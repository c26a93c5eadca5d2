package io.scimgate.conformance.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Runs one workload: {@code connections} threads, each with its own keep-alive connection, send
 * requests back to back until the time is up or the request budget is spent. Latency goes into an
 * HdrHistogram per thread; the server's, the client's and the database's CPU time and the server's
 * resident memory are read around and during the run.
 */
final class Load {

    /** One request on a connection; {@code n} counts the requests of the whole run from 0. */
    @FunctionalInterface
    interface Request {
        /**
         * @return whether the server gave the expected answer
         * @throws Finished when this connection has nothing more to send
         */
        boolean send(long n) throws IOException;

        /** Runs before each timed {@link #send}, outside the measurement (e.g. undoing the previous request). */
        default void untimed(long n) throws IOException {
        }
    }

    /** Thrown by a request when its connection is done (a walk reached its end); not counted. */
    static final class Finished extends RuntimeException {
        Finished() {
            super(null, null, false, false);
        }
    }

    /** Makes the request loop of connection {@code index}; {@link AutoCloseable} parts are closed after the run. */
    @FunctionalInterface
    interface Connection extends AutoCloseable {
        Request request();

        @Override
        default void close() {
        }
    }

    private final ServerProcess server;
    private final DoubleSupplier databaseCpuSeconds;

    /** @param databaseCpuSeconds the CPU seconds the store's own processes have used, NaN if not measured */
    Load(ServerProcess server, DoubleSupplier databaseCpuSeconds) {
        this.server = server;
        this.databaseCpuSeconds = databaseCpuSeconds;
    }

    /**
     * @param duration how long to run, or null to run until {@code maxRequests} are sent
     * @param maxRequests the most requests in total, or {@code Long.MAX_VALUE}
     */
    Result run(String workload, int connections, Duration duration, long maxRequests, IntFunction<Connection> connection) {
        AtomicLong counter = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        RssSampler sampler = new RssSampler(server);
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        // On stderr, so that a profile taken meanwhile (jcmd JFR.start) can be matched to its workload.
        System.err.println(Instant.now() + " started: " + workload);
        double cpuBefore = server.cpuSeconds();
        double clientCpuBefore = ProcCpu.ofThisProcess();
        double databaseCpuBefore = databaseCpuSeconds.getAsDouble();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            histograms.add(histogram);
            Connection open = connection.apply(i);
            Thread thread = new Thread(() -> {
                try (open) {
                    Request request = open.request();
                    long n;
                    while (System.nanoTime() < deadline && (n = counter.getAndIncrement()) < maxRequests) {
                        boolean ok;
                        long sent = 0;
                        try {
                            request.untimed(n);
                            sent = System.nanoTime();
                            ok = request.send(n);
                        } catch (Finished e) {
                            return;
                        } catch (IOException | RuntimeException e) {
                            sent = sent == 0 ? System.nanoTime() : sent;
                            ok = false;
                        }
                        histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "bench-" + workload + "-" + i);
            threads.add(thread);
        }
        sampler.start();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = server.cpuSeconds() - cpuBefore;
        double clientCpu = ProcCpu.ofThisProcess() - clientCpuBefore;
        double databaseCpu = databaseCpuSeconds.getAsDouble() - databaseCpuBefore;
        double peakRss = sampler.stop();
        Histogram all = new Histogram(3_600_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(workload, all.getTotalCount(), errors.get(), seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, cpu, peakRss, clientCpu, databaseCpu, "");
    }

    /** Samples the server's resident memory every 100 ms while a workload runs. */
    private static final class RssSampler {
        private final ServerProcess server;
        private volatile boolean running;
        private volatile double peak = Double.NaN;
        private Thread thread;

        RssSampler(ServerProcess server) {
            this.server = server;
        }

        void start() {
            if (!server.measured()) {
                return;
            }
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    double now = server.rssMiB();
                    if (Double.isNaN(peak) || now > peak) {
                        peak = now;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rss");
            thread.setDaemon(true);
            thread.start();
        }

        double stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
                double now = server.rssMiB();
                return Double.isNaN(peak) || now > peak ? now : peak;
            }
            return Double.NaN;
        }
    }
}
