package io.scimgate.conformance.bench;

/**
 * What one workload measured. {@code cpuSeconds} and {@code peakRssMiB} are the server process's
 * (NaN when the server is not measured), {@code clientCpuSeconds} the benchmark's own and
 * {@code databaseCpuSeconds} a local PostgreSQL's (NaN for H2, which runs inside the server);
 * latencies are as the client saw them.
 */
record Result(String workload, long requests, long errors, double seconds, double p50Millis, double p99Millis,
        double cpuSeconds, double peakRssMiB, double clientCpuSeconds, double databaseCpuSeconds, String note) {

    double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    double cpuMillisPerRequest() {
        return perRequest(cpuSeconds);
    }

    double clientCpuMillisPerRequest() {
        return perRequest(clientCpuSeconds);
    }

    double databaseCpuMillisPerRequest() {
        return perRequest(databaseCpuSeconds);
    }

    private double perRequest(double seconds) {
        return requests > 0 ? seconds * 1000 / requests : Double.NaN;
    }

    Result withNote(String newNote) {
        return new Result(workload, requests, errors, seconds, p50Millis, p99Millis, cpuSeconds, peakRssMiB, clientCpuSeconds,
                databaseCpuSeconds, newNote);
    }
}
