package dev.vigil.app.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 with scripted answers per path; records every request with its raw header
 * bytes. One request per connection ({@code Connection: close}). Written on plain sockets because the JDK's
 * {@code jdk.httpserver} module is not readable from the patched test module.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** One request as received; header names lower-cased. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A header value decoded as UTF-8 (the bytes on the wire are kept as ISO-8859-1 characters). */
        String headerUtf8(String name) {
            String raw = header(name);
            return raw == null ? null : new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers, boolean hang) {}

    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private LoopbackHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        executor.execute(this::acceptLoop);
    }

    static LoopbackHttpServer start() throws IOException {
        return new LoopbackHttpServer();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    LoopbackHttpServer answer(String path, int status, String body) {
        return answer(path, status, body, Map.of());
    }

    LoopbackHttpServer answer(String path, int status, String body, Map<String, String> headers) {
        answers.put(path, new Answer(status, body, headers, false));
        return this;
    }

    /** Requests to {@code path} get no answer until the server closes. */
    LoopbackHttpServer hang(String path) {
        answers.put(path, new Answer(0, "", Map.of(), true));
        return this;
    }

    /** The next request, waiting up to 5 s. */
    Received take() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no request arrived within 5 s");
        }
        return next;
    }

    List<Received> requests(String path) {
        return all.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Received> requests() {
        return List.copyOf(all);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                executor.execute(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(10_000);
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            String target = requestLine[1];
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            Received request = new Received(requestLine[0], path, Map.copyOf(headers), body);
            all.add(request);
            received.add(request);
            Answer answer = answers.getOrDefault(path, new Answer(404, "no route", Map.of(), false));
            if (answer.hang()) {
                released.await(20, TimeUnit.SECONDS);
                return;
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder response = new StringBuilder("HTTP/1.1 " + answer.status() + " Scripted\r\n");
            answer.headers()
                    .forEach((k, v) -> response.append(k).append(": ").append(v).append("\r\n"));
            response.append("Content-Length: ").append(out.length).append("\r\n");
            response.append("Connection: close\r\n\r\n");
            OutputStream os = connection.getOutputStream();
            os.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
            os.write(out);
            os.flush();
        } catch (SocketException e) {
            // the client gave up (timeout test) or the server closed
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request line and headers, up to the blank line, as ISO-8859-1; null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    @Override
    public void close() {
        released.countDown();
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        executor.shutdownNow();
    }
}
