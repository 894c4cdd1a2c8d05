package dev.switchboard.workspace.live;

import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantDefinition;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.workspace.Presence;
import dev.switchboard.workspace.inbox.Inbox;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns notices into events for this node's connections. A notice is read once (inside its tenant's scope, so
 * row-level security applies) and sent to every connection watching it; nothing is read for a tenant nobody
 * here watches. Notices of one tenant go through one lane in order, so a later state never overtakes an earlier.
 */
@Component
class LiveFanout implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveFanout.class);
    private static final int LANES = 4;

    private final Set<LiveSession> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final Tenants tenants;
    private final Inbox inbox;
    private final Presence presence;
    private final JsonMapper json;

    LiveFanout(Tenants tenants, Inbox inbox, Presence presence, JsonMapper json) {
        this.tenants = tenants;
        this.inbox = inbox;
        this.presence = presence;
        this.json = json;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("workspace-fanout-" + i).factory());
        }
    }

    void register(LiveSession session) {
        sessions.add(session);
    }

    void unregister(LiveSession session) {
        sessions.remove(session);
    }

    void dispatch(LiveNotice notice) {
        lanes[Math.floorMod(notice.tenantId().hashCode(), LANES)].execute(() -> {
            try {
                deliver(notice);
            } catch (RuntimeException e) {
                log.warn("could not deliver a {} notice: {}", notice.kind(), e.getMessage());
            }
        });
    }

    void resyncAll() {
        String resync = write(new LiveEvents.Resync());
        sessions.forEach(s -> s.send(resync));
    }

    /** Sends the current presence of a tenant to one connection (right after it subscribed). */
    void sendPresence(LiveSession session, TenantDefinition tenant) {
        session.send(write(presenceOf(tenant)));
    }

    private void deliver(LiveNotice notice) {
        List<LiveSession> watchers = sessions.stream().filter(s -> s.tenantIds().contains(notice.tenantId())).toList();
        Optional<TenantDefinition> tenant = tenants.find(notice.tenantId());
        if (watchers.isEmpty() || tenant.isEmpty()) {
            return;
        }
        String slug = tenant.get().slug();
        TenantScope.run(notice.tenantId(), () -> {
            switch (notice.kind()) {
                case CONVERSATION -> sendSummary(watchers, notice, slug);
                case MESSAGE -> {
                    sendSummary(watchers, notice, slug);
                    sendMessage(watchers, notice, slug);
                }
                case DELIVERY, CHANGED -> sendMessage(watchers, notice, slug);
                case PRESENCE -> toTenantWatchers(watchers, notice, write(presenceOf(tenant.get())));
            }
        });
    }

    private void sendSummary(List<LiveSession> watchers, LiveNotice notice, String slug) {
        inbox.summary(notice.subject()).ifPresent(summary ->
                toTenantWatchers(watchers, notice, write(new LiveEvents.ConversationEvent(slug, summary))));
    }

    private void sendMessage(List<LiveSession> watchers, LiveNotice notice, String slug) {
        List<LiveSession> readers = watchers.stream()
                .filter(s -> s.watchingConversation(notice.tenantId(), notice.subject())).toList();
        if (readers.isEmpty() || notice.message() == null) {
            return;
        }
        inbox.message(notice.message()).ifPresent(message -> {
            String event = write(new LiveEvents.MessageEvent(slug, message));
            readers.forEach(s -> s.send(event));
        });
    }

    private static void toTenantWatchers(List<LiveSession> watchers, LiveNotice notice, String event) {
        watchers.stream().filter(s -> s.watching(notice.tenantId()).isPresent()).forEach(s -> s.send(event));
    }

    private LiveEvents.PresenceEvent presenceOf(TenantDefinition tenant) {
        return new LiveEvents.PresenceEvent(tenant.slug(), presence.statuses(tenant.id()).entrySet().stream()
                .map(e -> new LiveEvents.AgentPresence(e.getKey(), e.getValue().wireName())).toList());
    }

    String write(Object event) {
        return json.writeValueAsString(event);
    }

    @Override
    public void destroy() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
