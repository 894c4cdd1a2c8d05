package dev.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TenantsFolder;
import dev.switchboard.TestApi;
import dev.switchboard.conversation.ConversationStatus;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.fakes.twilio.MediaStreamCaller;
import dev.switchboard.shared.TenantScope;
import dev.switchboard.tenant.TenantSecrets;
import dev.switchboard.tenant.Tenants;
import dev.switchboard.voice.store.CallRecord;
import dev.switchboard.voice.store.Calls;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Outside the voice agent's hours the caller hears the closed message, leaves a voicemail, and a human gets it. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsideHoursTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);

    @Autowired TestApi api;
    @Autowired TenantsFolder folder;
    @Autowired Tenants tenants;
    @Autowired TenantSecrets secrets;
    @Autowired Calls calls;
    @Autowired dev.switchboard.voice.store.CallTranscripts transcripts;
    @Autowired Conversations conversations;
    @Autowired Messages messages;

    @BeforeAll
    void closedToday() throws Exception {
        String tomorrow = ZonedDateTime.now(ZoneId.of("Europe/Madrid")).plusDays(1).getDayOfWeek()
                .getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        String yaml = folder.read("acme", "tenant.yaml").replace("        availability:\n          outside: voicemail\n",
                "        availability:\n          hours: { " + tomorrow + ": [\"09:00-10:00\"] }\n          outside: voicemail\n");
        folder.write("acme", "tenant.yaml", yaml);
        TenantScope.run(ACME, () -> secrets.store(ACME, "twilio_auth_token", PhoneCaller.TOKEN, null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!tenants.find(ACME).orElseThrow().document().toString().contains("09:00-10:00")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    void restore() {
        folder.restore("acme");
    }

    @Test
    void theCallerLeavesAVoicemailThatWaitsForAHuman() throws Exception {
        PhoneCaller phone = new PhoneCaller(api.baseUrl(), "acme");
        MediaStreamCaller call = phone.answer(phone.ring(PhoneCaller.newNumber()));
        // Speak only once the whole closed-hours message has played: on a busy machine its sentences can be
        // synthesised more than a second apart, and words said over the message are not taken (no barge-in there).
        assertThat(call.awaitAgentQuiet(Duration.ofMillis(3000), Duration.ofSeconds(40))).isTrue();
        // A voicemail with a pause for breath in it: the pause is not its end (the platform waits for 3 s of quiet).
        call.say(PhoneCaller.speech("I want to cancel my visit"));
        call.awaitSpoken(Duration.ofSeconds(20));
        Thread.sleep(1500);
        assertThat(call.isOpen()).as("still listening after a pause").isTrue();
        call.say(PhoneCaller.speech("please call me back tomorrow"));
        assertThat(call.awaitClosedByPlatform(Duration.ofSeconds(40))).as(() -> "hangs up after taking the message; "
                + PhoneCaller.transcript(calls, transcripts, phone.callSid)).isNotEqualTo(-1);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        CallRecord record = null;
        while (System.nanoTime() < deadline && (record == null || !record.ended())) {
            record = TenantScope.call(ACME, () -> calls.findBySid(phone.callSid)).orElseThrow();
            Thread.sleep(100);
        }
        assertThat(record.outcome()).isEqualTo("voicemail");
        UUID conversation = record.conversationId();
        assertThat(TenantScope.call(ACME, () -> conversations.get(conversation).status())).isEqualTo(ConversationStatus.PENDING);
        // One message, which grew as the caller spoke: everything the recogniser heard, in order, however many
        // turns the pauses cut it into.
        UUID callId = record.id();
        List<String> heard = TenantScope.call(ACME, () -> transcripts.transcript(callId)).stream()
                .filter(line -> line.role().equals("caller")).map(line -> line.text().strip()).toList();
        assertThat(heard).as("the caller's words, in the transcript").isNotEmpty();
        assertThat(TenantScope.call(ACME, () -> messages.latest(conversation, 20))).filteredOn(m -> m.role() == MessageRole.CUSTOMER)
                .extracting(m -> m.text()).singleElement().isEqualTo(String.join(" ", heard));
    }
}
