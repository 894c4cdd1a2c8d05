package dev.switchboard.agent.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.PlatformTest;
import dev.switchboard.TenantFixtures;
import dev.switchboard.TestPlatform;
import dev.switchboard.agent.AgentConversations;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.fakes.acme.AcmeBusinessApi;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offline flow's position and its reply are stored together: a node that dies after the flow decided a turn and
 * before the reply went out leaves the position as it was, so the resumed turn decides the same again, step for step.
 */
@PlatformTest
class FlowResumeTest {

    private static final UUID ACME = TenantFixtures.tenantId(TenantFixtures.ACME);

    private final AgentConversations chat;
    private final AcmeBusinessApi businessApi = TestPlatform.installation().businessApi();

    @Autowired TurnRunner runner;
    @Autowired TurnScheduler scheduler;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Autowired
    FlowResumeTest(Contacts contacts, Conversations conversations, Messages messages) {
        this.chat = new AgentConversations(contacts, conversations, messages);
    }

    @AfterEach
    void noMoreCrashes() {
        runner.hook(StepHook.NONE);
    }

    @Test
    void aTurnThatDiedBeforeItsReplyIsDecidedAgainFromTheSamePositionWhenItResumes() throws Exception {
        UUID conversation = chat.open(ACME, Channel.WEBCHAT);
        chat.say(ACME, conversation, "quiero cancelar mi visita");
        assertThat(chat.say(ACME, conversation, "mi DNI es 87654321X")).contains("¿Seguro que quieres cancelarla?");
        CountDownLatch died = new CountDownLatch(1);
        runner.hook((turn, step) -> {
            died.countDown();
            throw new DeadNode.SimulatedCrash();
        });
        businessApi.clearReceived();

        long said = chat.sayAsync(ACME, conversation, "no");
        assertThat(died.await(20, TimeUnit.SECONDS)).as("the node died after the flow decided").isTrue();
        runner.hook(StepHook.NONE);
        new DeadNode(jdbc, tx, scheduler).takeOver(ACME, conversation);

        assertThat(chat.awaitReply(ACME, conversation, said).text())
                .isEqualTo("De acuerdo, tu visita sigue en pie. ¿Te ayudo con algo más?");
        assertThat(chat.all(ACME, conversation).stream().filter(m -> m.seq() > said && m.role() == MessageRole.AI)).hasSize(1);
        assertThat(businessApi.received()).extracting(AcmeBusinessApi.Received::path).noneMatch(p -> p.endsWith("/cancel"));
        assertThat(chat.say(ACME, conversation, "quiero cancelar mi visita"))
                .as("the flow starts over, it is not stuck in the declined intent").contains("¿Seguro que quieres cancelarla?");
    }
}
