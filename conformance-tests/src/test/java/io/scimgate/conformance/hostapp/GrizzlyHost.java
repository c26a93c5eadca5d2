package io.scimgate.conformance.hostapp;

import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A host on its own Grizzly server: each application is a Jersey container at a context path of its own. */
final class GrizzlyHost implements HostContainer {

    @Override
    public String contextPath() {
        return "";
    }

    @Override
    public Running serve(Map<String, ResourceConfig> applicationsByPath) throws Exception {
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("host-app", "127.0.0.1", 0);
        server.addListener(listener);
        applicationsByPath.forEach((path, application) -> server.getServerConfiguration().addHttpHandler(
                ContainerFactory.createContainer(GrizzlyHttpContainer.class, application),
                HttpHandlerRegistration.builder().contextPath(path).urlPattern("/*").build()));
        server.start();
        return new Running() {
            @Override
            public int port() {
                return listener.getPort();
            }

            @Override
            public void close() {
                server.shutdownNow();
            }
        };
    }

    @Override
    public String toString() {
        return "Grizzly";
    }
}
