package org.enma.cli.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.enma.schema.EnmaException;

/** Checks that the stack's loopback ports are free before anything starts, so a clash is one clear message. */
final class Ports {
    private Ports() {
    }

    static void requireFree(String service, int port, String howToChange) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new EnmaException(takenMessage(service, port, howToChange));
        }
    }

    static String takenMessage(String service, int port, String howToChange) {
        return "port " + port + " (" + service + ") is already in use on 127.0.0.1: stop whatever listens there,"
                + " or choose another port with " + howToChange;
    }
}
