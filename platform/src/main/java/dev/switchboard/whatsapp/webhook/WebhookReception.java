package dev.switchboard.whatsapp.webhook;

import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import dev.switchboard.whatsapp.account.WhatsAppProperties;
import dev.switchboard.whatsapp.cloudapi.MalformedWebhook;
import dev.switchboard.whatsapp.cloudapi.WebhookNotification;
import dev.switchboard.whatsapp.cloudapi.WebhookParser;
import dev.switchboard.whatsapp.inbox.InboxWriter;
import dev.switchboard.whatsapp.templates.TemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Meta's callback for one tenant answers. A POST is checked against the raw bytes received (never a
 * re-serialisation) with the tenant's app secret, must be addressed to the tenant's own number, and is answered
 * 200 only once its events are committed to the inbox; the agent works later, elsewhere.
 */
@Component
class WebhookReception {

    private static final Logger log = LoggerFactory.getLogger(WebhookReception.class);

    /** {@code status} 200 carries {@code body} as text; any other status is a problem with {@code body} as detail. */
    record Answer(int status, String body) {
        static Answer ok(String text) {
            return new Answer(200, text);
        }
    }

    private final WhatsAppAccounts accounts;
    private final HubSignature signatures;
    private final WebhookParser parser;
    private final InboxWriter inbox;
    private final TemplateCatalog templates;
    private final long ackTimeoutMillis;

    WebhookReception(WhatsAppAccounts accounts, HubSignature signatures, WebhookParser parser, InboxWriter inbox,
                     TemplateCatalog templates, WhatsAppProperties properties) {
        this.accounts = accounts;
        this.signatures = signatures;
        this.parser = parser;
        this.inbox = inbox;
        this.templates = templates;
        this.ackTimeoutMillis = properties.ackTimeout().toMillis();
    }

    /** The subscription handshake Meta performs when the callback URL is saved: the challenge back, or 403. */
    Answer verify(String slug, String mode, String token, String challenge) {
        Optional<String> expected = accounts.find(slug).map(WhatsAppAccount::verifyToken);
        boolean valid = "subscribe".equals(mode) && token != null && expected.isPresent()
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))
                && challenge != null && challenge.matches("[A-Za-z0-9_.-]{1,256}");
        if (!valid) {
            log.warn("WhatsApp webhook verification for '{}' refused ({})", slug,
                    expected.isEmpty() ? "no verify token configured" : "wrong mode, token or challenge");
            return new Answer(403, "verification refused");
        }
        return Answer.ok(challenge);
    }

    Answer receive(String slug, byte[] raw, String signature, String remote) {
        Optional<WhatsAppAccount> found = accounts.find(slug).filter(a -> a.appSecret() != null);
        if (found.isEmpty()) {
            log.warn("WhatsApp webhook for '{}' from {} refused: no such tenant or no app secret", slug, remote);
            return new Answer(404, "no WhatsApp number is configured here");
        }
        WhatsAppAccount account = found.get();
        HubSignature.Verdict verdict = signatures.check(account.appSecret(), raw, signature);
        if (verdict == HubSignature.Verdict.MISMATCH) {
            verdict = recheckWithFreshSecret(account, raw, signature);
        }
        if (verdict != HubSignature.Verdict.VALID) {
            log.warn("WhatsApp webhook for '{}' from {} refused: signature {} ({} bytes); nothing stored", slug, remote,
                    verdict.name().toLowerCase(Locale.ROOT), raw.length);
            return new Answer(401, "invalid X-Hub-Signature-256");
        }
        return accept(account, raw);
    }

    private Answer accept(WhatsAppAccount account, byte[] raw) {
        WebhookNotification notification;
        try {
            notification = parser.parse(raw);
        } catch (MalformedWebhook e) {
            log.warn("signed WhatsApp webhook for '{}' is malformed: {}", account.slug(), e.getMessage());
            return new Answer(400, "not a WhatsApp notification: " + e.getMessage());
        }
        if (!addressedTo(account, notification)) {
            log.warn("WhatsApp webhook for '{}' names numbers {} / accounts {} that are not the tenant's; nothing stored",
                    account.slug(), notification.phoneNumberIds(), notification.businessAccountIds());
            return new Answer(403, "the notification is for another business number");
        }
        notification.errors().forEach(e -> log.warn("Meta reported an error for '{}': {}", account.slug(), e));
        if (notification.templatesChanged()) {
            templates.forget(account.tenantId());
        }
        return store(account, notification);
    }

    private Answer store(WhatsAppAccount account, WebhookNotification notification) {
        try {
            inbox.store(account.tenantId(), notification.events()).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
            return Answer.ok("EVENT_RECEIVED");
        } catch (TimeoutException | ExecutionException e) {
            log.warn("WhatsApp webhook for '{}' not stored in time ({}); Meta will deliver it again", account.slug(),
                    e instanceof TimeoutException ? "timeout" : e.getCause().getMessage());
            return new Answer(503, "could not store the notification; retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, "shutting down");
        }
    }

    /** The tenant is named by the URL; the payload must agree, or one tenant could feed another's inbox. */
    private static boolean addressedTo(WhatsAppAccount account, WebhookNotification notification) {
        boolean numbers = notification.phoneNumberIds().stream().allMatch(id -> id.equals(account.phoneNumberId()));
        boolean accounts = account.businessAccountId() == null
                || notification.businessAccountIds().stream().allMatch(id -> id.equals(account.businessAccountId()));
        return numbers && accounts;
    }

    private HubSignature.Verdict recheckWithFreshSecret(WhatsAppAccount account, byte[] raw, String signature) {
        return accounts.reloadSecrets(account.tenantId()).map(WhatsAppAccount::appSecret)
                .filter(secret -> !secret.equals(account.appSecret()))
                .map(secret -> signatures.check(secret, raw, signature)).orElse(HubSignature.Verdict.MISMATCH);
    }
}
