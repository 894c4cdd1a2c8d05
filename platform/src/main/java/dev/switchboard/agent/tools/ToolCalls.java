package dev.switchboard.agent.tools;

import dev.switchboard.conversation.Message;
import dev.switchboard.conversation.MessageRole;
import dev.switchboard.conversation.Messages;
import dev.switchboard.conversation.NewMessage;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tool calls as TOOL messages of the conversation, so the workspace shows them between what was said. */
@Component
public class ToolCalls {

    public static final String KIND = "tool_call";

    private final Messages messages;

    ToolCalls(Messages messages) {
        this.messages = messages;
    }

    public Message open(UUID conversationId, UUID turnId, ToolCallRecord call) {
        return messages.append(conversationId, new NewMessage(MessageRole.TOOL, KIND, call.summary(), call.json(),
                null, null, turnId));
    }

    public Message save(UUID messageId, ToolCallRecord call) {
        return messages.update(messageId, call.summary(), call.json());
    }

    /** The tool calls of a turn, oldest first; {@code afterSeq} bounds the scan (the turn starts after it). */
    public List<Message> ofTurn(UUID conversationId, UUID turnId, long afterSeq) {
        return messages.after(conversationId, afterSeq, 1000).stream()
                .filter(m -> m.role() == MessageRole.TOOL && turnId.equals(m.turnId())).toList();
    }

    public static boolean isToolCall(Message message) {
        return message.role() == MessageRole.TOOL && KIND.equals(message.kind());
    }
}
