package dev.tributary.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a loopback port that is free right now. KRaft needs the controller address in its voter list before the
 * socket is bound, and the broker must advertise its real port, so "bind to 0 and ask later" is not an option.
 * There is a small window in which another process could take the port; acceptable for tests and a local stack.
 */
final class FreePort {

    private FreePort() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    static int orPick(int port) {
        return port == 0 ? pick() : port;
    }
}
