package dev.greenlight.localdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Which PostgreSQL dev mode and the tests use when none is configured: the one on the default address when it
 * answers, else an embedded one that this JVM starts (binaries from Maven Central, so a laptop needs only a JDK).
 */
public final class LocalDatabase {
    /** Where a developer's PostgreSQL usually listens. */
    public static final String DEFAULT_ADDRESS = "localhost:5432";
    private static final int PROBE_TIMEOUT_MILLIS = 500;

    private LocalDatabase() {
    }

    /** The server's {@code host:port}: the default address if something answers there, else the embedded server's. */
    public static String address(String defaultAddress) {
        return answers(defaultAddress) ? defaultAddress : EmbeddedDatabase.address();
    }

    /** Whether a server accepts connections at {@code host:port}. */
    static boolean answers(String address) {
        HostAndPort target = HostAndPort.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("Expected host:port, got " + address));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    record HostAndPort(String host, int port) {
        static Optional<HostAndPort> parse(String address) {
            int colon = address.lastIndexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new HostAndPort(address.substring(0, colon),
                        Integer.parseInt(address.substring(colon + 1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
