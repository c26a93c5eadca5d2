package io.scimgate.conformance.hostapp;

import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** A host on embedded Jetty 12: each application is a Jersey {@link ServletContainer} in the host's servlet context {@code /app}. */
final class JettyHost implements HostContainer {

    @Override
    public String contextPath() {
        return "/app";
    }

    @Override
    public Running serve(Map<String, ResourceConfig> applicationsByPath) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(contextPath());
        applicationsByPath.forEach((path, application) ->
                context.addServlet(new ServletHolder(new ServletContainer(application)), path + "/*"));
        server.setHandler(context);
        server.start();
        return new Running() {
            @Override
            public int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }

    @Override
    public String toString() {
        return "Jetty 12";
    }
}
