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
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
        server.setUser(user + "@scimgate.test", user, password);
        server.getUserManager().setAuthRequired(true);
        server.start();
        return server;
    }
}
