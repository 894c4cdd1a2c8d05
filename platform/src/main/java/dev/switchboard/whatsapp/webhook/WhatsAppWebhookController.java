package dev.switchboard.whatsapp.webhook;

import dev.switchboard.shared.ProblemResponses;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import dev.switchboard.whatsapp.account.WhatsAppProperties;
import dev.switchboard.whatsapp.cloudapi.MalformedWebhook;
import dev.switchboard.whatsapp.cloudapi.WebhookNotification;
import dev.switchboard.whatsapp.cloudapi.WebhookParser;
import dev.switchboard.whatsapp.inbox.InboxWriter;
import dev.switchboard.whatsapp.templates.TemplateCatalog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's callback URL for one tenant: {@code /webhooks/whatsapp/{tenant}}. A POST is checked against the raw bytes
 * received (never a re-serialisation) with the tenant's app secret, must be addressed to the tenant's own number,
 * and is answered 200 only once its events are committed to the inbox; the agent works later, elsewhere.
 */
@RestController
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    private static final byte[] RECEIVED = "EVENT_RECEIVED".getBytes(StandardCharsets.US_ASCII);

    private final WhatsAppAccounts accounts;
    private final HubSignature signatures;
    private final WebhookParser parser;
    private final InboxWriter inbox;
    private final TemplateCatalog templates;
    private final long ackTimeoutMillis;

    WhatsAppWebhookController(WhatsAppAccounts accounts, HubSignature signatures, WebhookParser parser,
                              InboxWriter inbox, TemplateCatalog templates, WhatsAppProperties properties) {
        this.accounts = accounts;
        this.signatures = signatures;
        this.parser = parser;
        this.inbox = inbox;
        this.templates = templates;
        this.ackTimeoutMillis = properties.ackTimeout().toMillis();
    }

    /** The subscription handshake Meta performs when the callback URL is saved. */
    @GetMapping("/webhooks/whatsapp/{slug}")
    ResponseEntity<?> verify(@PathVariable String slug, @RequestParam(name = "hub.mode", required = false) String mode,
                             @RequestParam(name = "hub.verify_token", required = false) String token,
                             @RequestParam(name = "hub.challenge", required = false) String challenge) {
        Optional<String> expected = accounts.find(slug).map(WhatsAppAccount::verifyToken);
        boolean valid = "subscribe".equals(mode) && token != null && expected.isPresent()
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))
                && challenge != null && challenge.matches("[A-Za-z0-9_.-]{1,256}");
        if (!valid) {
            log.warn("WhatsApp webhook verification for '{}' refused ({})", slug,
                    expected.isEmpty() ? "no verify token configured" : "wrong mode, token or challenge");
            return problem(HttpStatus.FORBIDDEN, "verification refused");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    /**
     * Reads and answers through the servlet API directly: Meta only needs a status, and message conversion and
     * content negotiation cost a third of this endpoint's CPU at a few hundred webhooks a second.
     */
    @PostMapping("/webhooks/whatsapp/{slug}")
    void receive(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] raw = request.getInputStream().readAllBytes();
        Optional<WhatsAppAccount> found = accounts.find(slug).filter(a -> a.appSecret() != null);
        if (found.isEmpty()) {
            log.warn("WhatsApp webhook for '{}' from {} refused: no such tenant or no app secret", slug, request.getRemoteAddr());
            ProblemResponses.write(response, 404, "Not found", "no WhatsApp number is configured here");
            return;
        }
        WhatsAppAccount account = found.get();
        String signature = request.getHeader("X-Hub-Signature-256");
        HubSignature.Verdict verdict = signatures.check(account.appSecret(), raw, signature);
        if (verdict == HubSignature.Verdict.MISMATCH) {
            verdict = recheckWithFreshSecret(account, raw, signature);
        }
        if (verdict != HubSignature.Verdict.VALID) {
            log.warn("WhatsApp webhook for '{}' from {} refused: signature {} ({} bytes); nothing stored", slug,
                    request.getRemoteAddr(), verdict.name().toLowerCase(java.util.Locale.ROOT), raw.length);
            ProblemResponses.write(response, 401, "Unauthorized", "invalid X-Hub-Signature-256");
            return;
        }
        accept(account, raw, response);
    }

    private void accept(WhatsAppAccount account, byte[] raw, HttpServletResponse response) throws IOException {
        WebhookNotification notification;
        try {
            notification = parser.parse(raw);
        } catch (MalformedWebhook e) {
            log.warn("signed WhatsApp webhook for '{}' is malformed: {}", account.slug(), e.getMessage());
            ProblemResponses.write(response, 400, "Bad request", "not a WhatsApp notification: " + e.getMessage());
            return;
        }
        if (!addressedTo(account, notification)) {
            log.warn("WhatsApp webhook for '{}' names numbers {} / accounts {} that are not the tenant's; nothing stored",
                    account.slug(), notification.phoneNumberIds(), notification.businessAccountIds());
            ProblemResponses.write(response, 403, "Forbidden", "the notification is for another business number");
            return;
        }
        notification.errors().forEach(e -> log.warn("Meta reported an error for '{}': {}", account.slug(), e));
        if (notification.templatesChanged()) {
            templates.forget(account.tenantId());
        }
        try {
            inbox.store(account.tenantId(), notification.events()).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("WhatsApp webhook for '{}' not stored in time ({}); Meta will deliver it again", account.slug(),
                    e instanceof TimeoutException ? "timeout" : e.getCause().getMessage());
            ProblemResponses.write(response, 503, "Service unavailable", "could not store the notification; retry later");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProblemResponses.write(response, 503, "Service unavailable", "shutting down");
            return;
        }
        response.setStatus(200);
        response.setContentType("text/plain");
        response.getOutputStream().write(RECEIVED);
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

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
