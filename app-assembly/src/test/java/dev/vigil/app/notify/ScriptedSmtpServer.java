package dev.vigil.app.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted SMTP server on 127.0.0.1 for the replies GreenMail cannot be told to give: 4xx and 5xx at chosen
 * commands, a silent greeting, and STARTTLS (with the given server TLS context). Records each command and whether it
 * arrived over TLS.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** One command line as received, and whether the connection was encrypted at that point. */
    record Command(String line, boolean overTls) {
        String verb() {
            int space = line.indexOf(' ');
            return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        }
    }

    private final ServerSocket server;
    private final SSLContext tls;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private volatile String greeting = "220 scripted ESMTP";
    private volatile Socket current;

    /** A server; with {@code tls} non-null it offers STARTTLS. */
    ScriptedSmtpServer(SSLContext tls) throws IOException {
        this.tls = tls;
        server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        executor.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The greeting line; null sends nothing at all (a server that hangs). */
    ScriptedSmtpServer greeting(String line) {
        greeting = line;
        return this;
    }

    /** The reply to a verb ({@code MAIL}, {@code RCPT}, {@code DATA} for the end of data, {@code EHLO}). */
    ScriptedSmtpServer reply(String verb, String line) {
        replies.put(verb, line);
        return this;
    }

    List<Command> commands() {
        return List.copyOf(commands);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                current = socket;
                socket.setSoTimeout(10_000);
                converse(socket);
            } catch (IOException e) {
                // the client hung up, failed the handshake, or the server closed
            }
        }
    }

    private void converse(Socket plain) throws IOException {
        Socket socket = plain;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        boolean secured = false;
        if (greeting == null) {
            in.read(); // say nothing; wait for the client to give up
            return;
        }
        send(out, greeting);
        String line;
        while ((line = readLine(in)) != null) {
            Command command = new Command(line, secured);
            commands.add(command);
            switch (command.verb()) {
                case "EHLO" -> {
                    String custom = replies.get("EHLO");
                    if (custom != null) {
                        send(out, custom);
                    } else {
                        send(out, "250-scripted");
                        if (tls != null && !secured) {
                            send(out, "250-STARTTLS");
                        }
                        send(out, "250 8BITMIME");
                    }
                }
                case "HELO" -> send(out, "250 scripted");
                case "STARTTLS" -> {
                    send(out, "220 ready to start TLS");
                    SSLSocket upgraded = (SSLSocket)
                            tls.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
                    upgraded.setUseClientMode(false);
                    upgraded.startHandshake();
                    socket = upgraded;
                    in = socket.getInputStream();
                    out = socket.getOutputStream();
                    secured = true;
                }
                case "MAIL" -> send(out, replies.getOrDefault("MAIL", "250 2.1.0 ok"));
                case "RCPT" -> send(out, replies.getOrDefault("RCPT", "250 2.1.5 ok"));
                case "DATA" -> {
                    send(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder message = new StringBuilder();
                    String data;
                    while ((data = readLine(in)) != null && !data.equals(".")) {
                        message.append(data).append('\n');
                    }
                    messages.add(message.toString());
                    send(out, replies.getOrDefault("DATA", "250 2.0.0 queued"));
                }
                case "RSET", "NOOP" -> send(out, "250 ok");
                case "QUIT" -> {
                    send(out, "221 bye");
                    return;
                }
                default -> send(out, "502 5.5.2 not implemented");
            }
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
        executor.shutdownNow();
    }
}
