package dev.switchboard.whatsapp.templates;

import dev.switchboard.whatsapp.MessageTemplate;
import dev.switchboard.whatsapp.WhatsAppRefusedMessage;
import dev.switchboard.whatsapp.WhatsAppTemplates;
import dev.switchboard.whatsapp.account.WhatsAppAccount;
import dev.switchboard.whatsapp.account.WhatsAppAccounts;
import dev.switchboard.whatsapp.cloudapi.GraphClient;
import dev.switchboard.whatsapp.cloudapi.GraphRequestFailed;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Templates change rarely (Meta reviews each edit), so the list is cached per tenant for ten minutes and dropped
 * early when Meta's webhook reports a template change.
 */
@Service
public class TemplateCatalog implements WhatsAppTemplates {

    private static final Duration FRESH_FOR = Duration.ofMinutes(10);

    private final WhatsAppAccounts accounts;
    private final GraphClient graph;
    private final Map<UUID, Listing> cache = new ConcurrentHashMap<>();

    TemplateCatalog(WhatsAppAccounts accounts, GraphClient graph) {
        this.accounts = accounts;
        this.graph = graph;
    }

    @Override
    public List<MessageTemplate> approved(UUID tenantId) {
        Listing listing = cache.get(tenantId);
        if (listing != null && System.nanoTime() - listing.at() < FRESH_FOR.toNanos()) {
            return listing.templates();
        }
        return refresh(tenantId);
    }

    @Override
    public List<MessageTemplate> refresh(UUID tenantId) {
        WhatsAppAccount account = accounts.require(tenantId);
        if (account.businessAccountId() == null) {
            throw new WhatsAppRefusedMessage(100, "No business account",
                    "channels.whatsapp.businessAccountId is not set in tenant.yaml");
        }
        List<MessageTemplate> templates;
        try {
            templates = graph.templates(account.graph()).stream()
                    .filter(t -> "APPROVED".equalsIgnoreCase(t.status()))
                    .sorted(Comparator.comparing(MessageTemplate::name).thenComparing(MessageTemplate::language))
                    .toList();
        } catch (GraphRequestFailed e) {
            throw new WhatsAppRefusedMessage(e.code(), e.title(), e.details());
        }
        cache.put(tenantId, new Listing(templates, System.nanoTime()));
        return templates;
    }

    /** Meta reported a template approved, rejected or edited. */
    public void forget(UUID tenantId) {
        cache.remove(tenantId);
    }

    private record Listing(List<MessageTemplate> templates, long at) {
    }
}
