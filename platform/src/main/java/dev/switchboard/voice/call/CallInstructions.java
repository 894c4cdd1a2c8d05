package dev.switchboard.voice.call;

import com.samskivert.mustache.Mustache;
import dev.switchboard.agent.TurnOptions;
import dev.switchboard.voice.config.VoiceAgent;
import dev.switchboard.voice.store.CallRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent is told for a call's turns: that it is speaking on the phone, the voice agent's prompt (a Mustache
 * template over the call's context, e.g. {@code {{context.reason}}}), the voice agent's tools, and the context an
 * outbound call was placed with.
 */
final class CallInstructions {

    private static final String ON_THE_PHONE = "You are speaking with the customer on a phone call: answer in short "
            + "spoken sentences, without markdown, lists, links or emoji; read numbers and codes so they are easy to hear.";

    private CallInstructions() {
    }

    static TurnOptions of(VoiceAgent agent, CallRecord call) {
        Map<String, String> context = new LinkedHashMap<>();
        call.context().properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
        if (call.campaign() != null) {
            context.put("campaign", call.campaign());
        }
        context.put("call direction", call.direction());
        String prompt = agent.prompt() == null ? "" : "\n\n" + Mustache.compiler().defaultValue("").escapeHTML(false)
                .compile(agent.prompt()).execute(Map.of("context", context, "agent", agent.name(), "direction", call.direction()));
        return new TurnOptions(ON_THE_PHONE + prompt, agent.enabledTools(), context);
    }
}
