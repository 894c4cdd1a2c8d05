package dev.switchboard.whatsapp.delivery;

import dev.switchboard.shared.InvalidRequest;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.whatsapp.TemplateMessage;
import dev.switchboard.whatsapp.WhatsAppMessaging;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import dev.switchboard.whatsapp.cloudapi.OutgoingMessage;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Template sends for other modules, through the same pacing and retries as conversation replies. */
@Service
class TemplateMessaging implements WhatsAppMessaging {

    private final WhatsAppAccounts accounts;
    private final PacedSender sender;
    private final CustomerWindows windows;

    TemplateMessaging(WhatsAppAccounts accounts, PacedSender sender, CustomerWindows windows) {
        this.accounts = accounts;
        this.sender = sender;
        this.windows = windows;
    }

    @Override
    public String sendTemplate(UUID tenantId, String waId, TemplateMessage template, String correlation) {
        if (template == null || template.name() == null || template.language() == null) {
            throw new InvalidRequest("a template needs a name and a language");
        }
        if (correlation != null && correlation.length() > 512) {
            throw InvalidRequest.field("correlation", "at most 512 characters");
        }
        return TenantScope.within(tenantId, () -> {
            WhatsAppAccount account = accounts.require(tenantId);
            return sender.send(account, waId, new OutgoingMessage.Template(template), correlation);
        });
    }

    @Override
    public boolean customerServiceWindowOpen(UUID tenantId, String waId) {
        return TenantScope.within(tenantId, () -> CustomerWindows.open(windows.lastInbound(waId), Instant.now()));
    }
}
