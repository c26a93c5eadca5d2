package io.scimgate.core.testing.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server on loopback (GreenMail) that takes mail only from one user; stop it after the test. */
public final class LoopbackSmtp {

    private LoopbackSmtp() {
    }

    /** Plain SMTP on {@code port} (0 for a free one), accepting only {@code user} with {@code password}. */
    public static GreenMail start(int port, String user, String password) {
        return start(ServerSetup.PROTOCOL_SMTP, port, user, password);
    }

    /** SMTP ({@code smtp}) or SMTPS ({@code smtps}, GreenMail's self-signed certificate) on loopback. */
    public static GreenMail start(String protocol, int port, String user, String password) {
        GreenMail server = new GreenMail(setup(protocol, port));
        server.setUser(user + "@scimgate.test", user, password);
        server.getUserManager().setAuthRequired(true);
        server.start();
        return server;
    }

    /**
     * Loopback on {@code port}, allowed 10 s to start instead of GreenMail's 2 s: an SMTPS server
     * sets up its TLS context on start, which took longer than 2 s on a loaded CI machine.
     */
    public static ServerSetup setup(String protocol, int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(10_000);
        return setup;
    }
}
