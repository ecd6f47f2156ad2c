package dev.vigil.app.notify;

import dev.vigil.spi.model.Notification;
import dev.vigil.spi.plugin.NotificationDeliveryException;
import dev.vigil.spi.plugin.NotificationSink;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code email} sink (health.md §7.5), over SMTP with Jakarta Mail (Eclipse Angus). Subject
 * {@code [Vigil <SEVERITY>] <title>} (control characters removed); a UTF-8 text/plain body of title, body, category,
 * source and timestamp. With {@code use_tls} the connection must upgrade with STARTTLS, verified against the default
 * trust store and the host name; credentials are used only when both username and password are set. SMTP 4xx replies
 * and I/O failures are retryable; 5xx replies (authentication included) are not. {@code start} and {@code close} do
 * nothing: each send opens and closes its own connection. SMTP hosts are not subject to the URL guard.
 */
public final class EmailNotificationSink implements NotificationSink {

    /** The sink type. */
    public static final String TYPE = "email";

    private static final Logger LOG = LoggerFactory.getLogger(EmailNotificationSink.class);

    /**
     * The validated parameters.
     *
     * @param password a secret: never in {@link #toString()}
     */
    record Config(
            String host,
            int port,
            Optional<String> username,
            Optional<String> password,
            InternetAddress from,
            List<InternetAddress> to,
            boolean useTls,
            double timeoutSeconds) {

        Config {
            to = List.copyOf(to);
        }

        /** No credentials. */
        @Override
        public String toString() {
            return "Config[host=" + host + ", port=" + port + ", useTls=" + useTls + ", recipients=" + to.size() + "]";
        }
    }

    private final Config config;
    private final Map<String, Object> extraProperties;

    EmailNotificationSink(Config config, Map<String, Object> extraProperties) {
        this.config = config;
        this.extraProperties = Map.copyOf(extraProperties);
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public void start() {
        // Nothing to acquire: each send uses its own connection.
    }

    @Override
    public void send(Notification notification) {
        boolean login = config.username().isPresent() && config.password().isPresent();
        if (!login && (config.username().isPresent() || config.password().isPresent())) {
            LOG.atWarn()
                    .setMessage("vigil.notification.email_partial_credentials")
                    .addKeyValue("notification_id", notification.id())
                    .log();
        }
        Session session = Session.getInstance(properties(login));
        Transport transport = null;
        try {
            MimeMessage message = message(session, notification);
            transport = session.getTransport("smtp");
            if (login) {
                transport.connect(
                        config.host(),
                        config.port(),
                        config.username().get(),
                        config.password().get());
            } else {
                transport.connect(config.host(), config.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw failure(notification, e, transport);
        } finally {
            closeQuietly(transport);
        }
        LOG.atInfo()
                .setMessage("vigil.notification.email_delivered")
                .addKeyValue("notification_id", notification.id())
                .addKeyValue("recipients", config.to().size())
                .log();
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    /** {@code [Vigil <SEVERITY_UPPER>] <title without U+0000-U+001F and U+007F>}. */
    static String subject(Notification n) {
        return "[Vigil " + n.severity().wireName().toUpperCase(Locale.ROOT) + "] "
                + NtfyNotificationSink.withoutControlCharacters(n.title());
    }

    /** The text/plain body. */
    static String text(Notification n) {
        return n.title() + "\n\n" + n.body() + "\n\nCategory: " + n.category().wireName() + "\nSource: " + n.source()
                + "\nTimestamp: " + n.timestamp();
    }

    private MimeMessage message(Session session, Notification notification) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(config.from());
        message.setRecipients(Message.RecipientType.TO, config.to().toArray(InternetAddress[]::new));
        message.setSubject(subject(notification), "UTF-8");
        message.setText(text(notification), "UTF-8");
        message.setSentDate(new Date());
        return message;
    }

    private Properties properties(boolean login) {
        String millis = Long.toString(Math.max(1L, Math.round(config.timeoutSeconds() * 1000.0)));
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", Integer.toString(config.port()));
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.auth", Boolean.toString(login));
        // STARTTLS is required, not just attempted: a server that does not offer it gets nothing in plain text.
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.useTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.useTls()));
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.putAll(extraProperties);
        return props;
    }

    private NotificationDeliveryException failure(Notification notification, MessagingException error, Transport t) {
        int code = replyCode(error, t);
        boolean retryable;
        String errorType;
        if (code >= 400 && code <= 599) {
            retryable = code < 500;
            errorType = "smtp_" + code;
        } else {
            Throwable io = ioCause(error);
            // Without a reply code, only an I/O failure (refused, timeout, TLS) may pass later; the rest (for example
            // STARTTLS required but not offered) is a configuration problem.
            retryable = io != null;
            errorType = (io != null ? io : error).getClass().getSimpleName();
        }
        LOG.atWarn()
                .setMessage("vigil.notification.email_failed")
                .addKeyValue("notification_id", notification.id())
                .addKeyValue("error_type", errorType)
                .addKeyValue("retryable", retryable)
                .log();
        // The cause is not attached: server replies and transport messages are not ours to vouch for.
        return new NotificationDeliveryException("email delivery failed: " + errorType, retryable);
    }

    /** The SMTP reply code behind {@code error}, or -1. */
    static int replyCode(MessagingException error, Transport transport) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof SMTPSendFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException e) {
                return e.getReturnCode();
            }
        }
        if (transport instanceof SMTPTransport smtp && ioCause(error) == null) {
            // Greeting, EHLO, STARTTLS and AUTH rejections carry no code of their own; the transport remembers it.
            return smtp.getLastReturnCode();
        }
        return -1;
    }

    private static Throwable ioCause(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof IOException) {
                return t;
            }
        }
        return null;
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // The message was sent or the failure already reported; a failed QUIT changes neither.
        }
    }

    @Override
    public String toString() {
        return "EmailNotificationSink" + config;
    }
}
