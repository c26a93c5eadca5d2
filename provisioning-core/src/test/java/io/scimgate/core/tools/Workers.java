package io.scimgate.core.tools;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** The measuring loop the cost tools share: a number of tasks done from several threads, and the CPU they took. */
final class Workers {

    /** One task of a worker thread; a thread's task may keep state from one run to the next (a cursor). */
    interface Task {
        void run() throws Exception;
    }

    private Workers() {
    }

    /**
     * Runs {@code count} tasks in all from {@code threads} threads, each thread running the task
     * {@code taskOf} gives it for its number, until the count is used up.
     *
     * @param name the threads' name, numbered; null for the JVM's own names
     * @return the CPU time, in nanoseconds, the threads used
     * @throws IllegalStateException with the first failure of a task, once every thread has stopped
     */
    static long cpuOf(int threads, int count, String name, IntFunction<Task> taskOf) throws InterruptedException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        AtomicInteger left = new AtomicInteger(count);
        AtomicLong cpu = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Task task = taskOf.apply(t);
            Runnable work = () -> {
                long before = bean.getCurrentThreadCpuTime();
                try {
                    while (left.getAndDecrement() > 0) {
                        task.run();
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    cpu.addAndGet(bean.getCurrentThreadCpuTime() - before);
                    done.countDown();
                }
            };
            (name == null ? new Thread(work) : new Thread(work, name + " #" + t)).start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException((name == null ? "tasks" : name) + " failed", failures.get(0));
        }
        return cpu.get();
    }

    /** The CPU time the whole process used so far, its JIT compiler and collector included. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
