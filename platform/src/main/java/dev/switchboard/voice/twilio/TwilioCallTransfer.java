package dev.switchboard.voice.twilio;

import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.voice.call.CallTransfer;
import dev.switchboard.voice.config.VoiceSettings;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Transfers a live call by giving it new TwiML ({@code <Dial>}) through the REST API; Twilio then stops the stream. */
@Component
class TwilioCallTransfer implements CallTransfer {

    private static final Logger log = LoggerFactory.getLogger(TwilioCallTransfer.class);

    private final TwilioAccounts accounts;
    private final TwilioRest rest;

    TwilioCallTransfer(TwilioAccounts accounts, TwilioRest rest) {
        this.accounts = accounts;
        this.rest = rest;
    }

    @Override
    public boolean available(TenantDefinition tenant, VoiceSettings settings) {
        return accounts.account(tenant, settings).isPresent();
    }

    @Override
    public boolean transfer(TenantDefinition tenant, VoiceSettings settings, String callSid, String number, String language) {
        var account = accounts.account(tenant, settings);
        if (account.isEmpty()) {
            return false;
        }
        try {
            String twiml = TwiML.dial("es".equals(language) ? "Te paso ahora." : "Transferring you now.", language, number);
            return rest.updateCall(account.get(), callSid, Map.of("Twiml", List.of(twiml)));
        } catch (TwilioRefused e) {
            log.warn("tenant {}: transferring call {} failed: {}", tenant.slug(), callSid, e.getMessage());
            return false;
        }
    }
}
