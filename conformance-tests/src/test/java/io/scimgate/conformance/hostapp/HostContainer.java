package io.scimgate.conformance.hostapp;

import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;

/** The host application's own HTTP server, on which it mounts Jersey applications at paths of its choosing. */
interface HostContainer {

    /** The path every application of this host is under (a servlet context path), or "" at the root. */
    String contextPath();

    /** Serves each application at its path (below {@link #contextPath()}) on a free loopback port. */
    Running serve(Map<String, ResourceConfig> applicationsByPath) throws Exception;

    /** A serving host server: its port, and how to stop it. */
    interface Running extends AutoCloseable {
        int port();

        @Override
        void close() throws Exception;
    }
}
