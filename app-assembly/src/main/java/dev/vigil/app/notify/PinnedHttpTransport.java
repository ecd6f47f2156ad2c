package dev.vigil.app.notify;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.CharCodingConfig;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One sink's HTTP client (Apache HttpClient 5, classic API): DNS answered by the guard's pinned address, redirects
 * never followed, no automatic retries (the dispatcher retries), no proxy, no cookies, and one timeout applied to
 * connecting, to each read and to the whole exchange. Header values are written as UTF-8.
 */
final class PinnedHttpTransport implements Closeable {

    /** The most response body kept: enough for any Slack answer, bounded against a hostile server. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    /** The status and (bounded) body of a response. */
    record Reply(int status, String body) {}

    private final CloseableHttpClient client;
    private final long timeoutMillis;

    /**
     * A client connecting to {@code pin}'s address whenever a request names its host; other hosts fail as unknown.
     * With no pin (guard off), the system resolver answers.
     */
    PinnedHttpTransport(PinnedAddress pin, double timeoutSeconds) {
        this.timeoutMillis = Math.max(1L, Math.round(timeoutSeconds * 1000.0));
        Timeout timeout = Timeout.ofMilliseconds(timeoutMillis);
        DnsResolver resolver = pin == null ? SystemDefaultDnsResolver.INSTANCE : new PinnedDnsResolver(pin);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .charCodingConfig(CharCodingConfig.custom()
                                        .setCharset(StandardCharsets.UTF_8)
                                        .build())
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .setDefaultSocketConfig(
                                SocketConfig.custom().setSoTimeout(timeout).build())
                        .setMaxConnTotal(8)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Vigil")
                .build();
    }

    /**
     * POSTs {@code body} with exactly {@code headers} (plus Host, Content-Length and User-Agent). Any status is a
     * reply; only transport failures throw.
     *
     * @throws IOException on connect, read or TLS failure, or when the whole exchange outlasts the timeout
     */
    Reply post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        // No content type on the entity: the caller's Content-Type header is sent exactly as given.
        post.setEntity(new ByteArrayEntity(body, null));
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(
                () -> {
                    expired.set(true);
                    post.cancel();
                },
                CompletableFuture.delayedExecutor(timeoutMillis, TimeUnit.MILLISECONDS));
        try {
            return client.execute(post, response -> new Reply(response.getCode(), readBounded(response.getEntity())));
        } catch (IOException e) {
            if (expired.get()) {
                throw new InterruptedIOException("request exceeded its timeout");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static String readBounded(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            return new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
        }
    }

    /** Answers only for the pinned host, always with the pinned address. */
    private static final class PinnedDnsResolver implements DnsResolver {
        private final PinnedAddress pin;

        PinnedDnsResolver(PinnedAddress pin) {
            this.pin = pin;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!OutboundUrlGuard.normaliseHost(host).equals(pin.host())) {
                throw new UnknownHostException("host is not pinned for this sink");
            }
            return new InetAddress[] {pin.address()};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
