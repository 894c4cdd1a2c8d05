package dev.switchboard.whatsapp.account;

import dev.switchboard.shared.ProviderStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/** For the banner and the dashboard: per tenant, whether its WhatsApp number is connected or what is missing. */
@Component
class WhatsAppConnections implements ProviderStatus {

    private final WhatsAppAccounts accounts;

    WhatsAppConnections(WhatsAppAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Mode> modes() {
        return accounts.declared().stream().map(account -> account.connected()
                ? new Mode("WhatsApp (" + account.slug() + ")", true,
                        "Meta Cloud API, number " + account.phoneNumberId() + " via " + account.baseUrl())
                : new Mode("WhatsApp (" + account.slug() + ")", false,
                        "not configured: set " + String.join(", ", account.missing()))).toList();
    }
}
