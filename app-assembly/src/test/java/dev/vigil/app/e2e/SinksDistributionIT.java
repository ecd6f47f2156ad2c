package dev.vigil.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * An escalated ticket from the example traces reaches a real local webhook (signed) and a real SMTP inbox, through
 * the distribution's launcher, with the sinks configured by settings alone.
 */
class SinksDistributionIT {

    record Delivery(String signature, byte[] body) {}

    @Test
    void escalatedTicketsReachAWebhookAndAnInbox() throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hooks/vigil", exchange -> {
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("X-Vigil-Signature"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            String sinks = "[{type: webhook, url: \"http://127.0.0.1:"
                    + webhook.getAddress().getPort()
                    + "/hooks/vigil\", signing_secret: s3cret-signing-key},"
                    + " {type: email, host: 127.0.0.1, port: " + smtp.getSmtp().getPort()
                    + ", from_addr: vigil@example.test, to_addrs: oncall@example.test, use_tls: false}]";
            Distribution.Result result = Distribution.built()
                    .run(
                            "analyze",
                            Distribution.EXAMPLES
                                    .resolve("stagnating-run.jsonl")
                                    .toString(),
                            "--set",
                            "notifications.sinks=" + sinks,
                            // Loopback receivers are private addresses: the guard is switched off for this local test.
                            "--set",
                            "notifications.outbound.url_validation_enabled=false");
            assertEquals(0, result.exitCode(), result::toString);

            assertEquals(1, deliveries.size(), () -> "one escalated stagnation ticket: " + result);
            Delivery delivery = deliveries.get(0);
            JsonNode payload = new ObjectMapper().readTree(delivery.body());
            assertEquals("Health alert: stagnation (high)", payload.get("title").asText());
            assertEquals("error", payload.get("severity").asText());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("s3cret-signing-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body())), delivery.signature());

            assertTrue(smtp.waitForIncomingEmail(5_000, 1), "the e-mail arrived");
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("[Vigil ERROR] Health alert: stagnation (high)", mail.getSubject());
            assertTrue(String.valueOf(mail.getContent()).contains("Source: vigil.health_monitor"));
            assertTrue(!result.stderr().contains("s3cret-signing-key"), "the signing secret is never logged");
        } finally {
            webhook.stop(0);
            smtp.stop();
        }
    }
}
