package io.scimgate.conformance.bench;

/**
 * What one workload measured. {@code cpuSeconds} and {@code peakRssMiB} are the server process's
 * (NaN when the server is not measured); latencies are as the client saw them.
 */
record Result(String workload, long requests, long errors, double seconds, double p50Millis, double p99Millis,
        double cpuSeconds, double peakRssMiB, String note) {

    double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    double cpuMillisPerRequest() {
        return requests > 0 ? cpuSeconds * 1000 / requests : Double.NaN;
    }

    Result withNote(String newNote) {
        return new Result(workload, requests, errors, seconds, p50Millis, p99Millis, cpuSeconds, peakRssMiB, newNote);
    }
}
