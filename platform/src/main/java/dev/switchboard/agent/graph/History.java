package dev.switchboard.agent.graph;

import dev.switchboard.agent.llm.ModelMessage;
import dev.switchboard.agent.llm.ToolCallRequest;
import dev.switchboard.agent.tools.ToolCallRecord;
import dev.switchboard.agent.tools.ToolCalls;
import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rebuilds what the model sees from the conversation's rows: customer messages as user turns, replies as
 * assistant turns, and each model call's tool calls (grouped by the call that asked for them) with their results.
 * Customer messages after the turn's last one wait for the next turn and are left out.
 */
final class History {

    private final List<ModelMessage> out = new ArrayList<>();
    private final StringBuilder user = new StringBuilder();

    private History() {
    }

    static List<ModelMessage> of(List<Message> messages, long lastSeq, String turnContext, long turnFromSeq) {
        History history = new History();
        int i = 0;
        while (i < messages.size()) {
            Message m = messages.get(i);
            if (ToolCalls.isToolCall(m)) {
                i = history.toolGroup(messages, i);
                continue;
            }
            if (m.role() == MessageRole.CUSTOMER && m.seq() <= lastSeq) {
                history.userText(m.seq() > turnFromSeq && history.user.isEmpty() && turnContext != null
                        ? turnContext + "\n" + text(m) : text(m));
            } else if (m.role() == MessageRole.AI || m.role() == MessageRole.HUMAN) {
                history.assistant(m.role() == MessageRole.HUMAN ? "(a human colleague wrote) " + text(m) : text(m));
            }
            i++;
        }
        history.flush();
        if (!history.out.isEmpty() && !(history.out.getFirst() instanceof ModelMessage.User)) {
            history.out.addFirst(new ModelMessage.User("(the conversation starts)"));
        }
        return List.copyOf(history.out);
    }

    private int toolGroup(List<Message> messages, int start) {
        ToolCallRecord first = ToolCallRecord.from(messages.get(start).content());
        UUID llmCall = first.llmCallId();
        int i = start;
        List<ToolCallRequest> calls = new ArrayList<>();
        List<ModelMessage.ToolResult> results = new ArrayList<>();
        while (i < messages.size() && ToolCalls.isToolCall(messages.get(i))) {
            ToolCallRecord call = ToolCallRecord.from(messages.get(i).content());
            if (llmCall == null || !llmCall.equals(call.llmCallId())) {
                break;
            }
            calls.add(new ToolCallRequest(call.callId(), call.name(), call.arguments().toString()));
            results.add(new ModelMessage.ToolResult(call.callId(), call.name(),
                    call.result() == null ? "{\"status\":\"unknown\"}" : call.result(), call.failed()));
            i++;
        }
        if (llmCall == null) {
            return start + 1;  // the offline flow's calls: its replies carry what the customer was told
        }
        flush();
        out.add(new ModelMessage.Assistant(first.assistantText() == null ? "" : first.assistantText(), calls));
        out.add(new ModelMessage.ToolResults(results));
        return i;
    }

    private static String text(Message m) {
        return m.text() != null && !m.text().isBlank() ? m.text() : "(" + m.kind() + ")";
    }

    private void userText(String text) {
        user.append(user.isEmpty() ? "" : "\n").append(text);
    }

    private void assistant(String text) {
        flush();
        if (!out.isEmpty() && out.getLast() instanceof ModelMessage.Assistant previous && previous.toolCalls().isEmpty()) {
            out.set(out.size() - 1, new ModelMessage.Assistant(previous.text() + "\n" + text, List.of()));
        } else {
            out.add(new ModelMessage.Assistant(text, List.of()));
        }
    }

    private void flush() {
        if (!user.isEmpty()) {
            out.add(new ModelMessage.User(user.toString()));
            user.setLength(0);
        }
    }
}
