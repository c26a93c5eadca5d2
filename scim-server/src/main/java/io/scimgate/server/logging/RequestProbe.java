package io.scimgate.server.logging;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * A Grizzly probe that watches each request from its arrival to its completion, whatever serves
 * it; register with {@code serverConfiguration.getMonitoringConfig().getWebServerConfig().addProbes}.
 */
public abstract class RequestProbe implements HttpServerProbe {

    /** The request's head has been read; called on the thread that will serve it. */
    protected abstract void received(Request request);

    /** The answer has been sent. */
    protected abstract void completed(Request request, Response response);

    @Override
    public final void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
        received(request);
    }

    @Override
    public final void onRequestCompleteEvent(HttpServerFilter filter, Connection connection, Response response) {
        completed(response.getRequest(), response);
    }

    @Override
    public final void onRequestSuspendEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public final void onRequestResumeEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public final void onRequestTimeoutEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public final void onRequestCancelEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public final void onBeforeServiceEvent(HttpServerFilter filter, Connection connection, Request request,
            HttpHandler handler) {
    }
}
