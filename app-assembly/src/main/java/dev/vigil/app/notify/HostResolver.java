package dev.vigil.app.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to all its addresses; the outbound URL guard's only source of DNS answers. */
@FunctionalInterface
public interface HostResolver {

    /**
     * All addresses of {@code host}.
     *
     * @throws UnknownHostException when the host does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JDK's resolver ({@link InetAddress#getAllByName}). */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
