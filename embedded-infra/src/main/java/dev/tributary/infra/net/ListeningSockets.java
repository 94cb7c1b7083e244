package dev.tributary.infra.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets listening on this machine, read from the kernel's {@code /proc/net/tcp} and {@code /proc/net/tcp6}
 * (Linux only). Tests use it to check which interface a server really bound, without sending a packet anywhere but
 * through the kernel's own bookkeeping.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** A listening socket: its local address, port and the inode that ties it to a process's file descriptors. */
    public record Listener(InetAddress address, int port, long inode) {

        /** Loopback, including 127.0.0.1 seen through an IPv6 socket as {@code ::ffff:127.0.0.1}. */
        public boolean isLoopback() {
            return address.isLoopbackAddress();
        }
    }

    /** Every listening TCP socket of the machine (both address families). */
    public static List<Listener> all() {
        List<Listener> listeners = new ArrayList<>();
        read(Path.of("/proc/net/tcp"), listeners);
        read(Path.of("/proc/net/tcp6"), listeners);
        return listeners;
    }

    /** The sockets listening on {@code port}, on whatever address. */
    public static List<Listener> onPort(int port) {
        return all().stream().filter(l -> l.port() == port).toList();
    }

    /** The listening sockets whose file descriptor this JVM holds. */
    public static List<Listener> ofThisProcess() {
        Set<Long> inodes = socketInodes(Path.of("/proc/self/fd"));
        return all().stream().filter(l -> inodes.contains(l.inode())).toList();
    }

    private static void read(Path table, List<Listener> into) {
        if (!Files.exists(table)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
        // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[3].equals(LISTEN)) {
                continue;
            }
            int colon = f[1].indexOf(':');
            into.add(new Listener(address(f[1].substring(0, colon)), Integer.parseInt(f[1].substring(colon + 1), 16),
                    Long.parseLong(f[9])));
        }
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
    static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + (3 - i)) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + hex, e);
        }
    }

    private static Set<Long> socketInodes(Path fdDir) {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(fdDir)) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed while listing: not a socket we care about
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fdDir, e);
        }
        return inodes;
    }
}
