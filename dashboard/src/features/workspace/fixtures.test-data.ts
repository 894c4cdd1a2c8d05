import type { ConversationDetail, ConversationSummary, Message } from './types'

// Shapes as the server sends them, for the workspace's component tests.

export function summary(change: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 'c1', channel: 'webchat', status: 'active', owner: 'ai', assignee: null, handoffReason: null, language: 'es',
    contactId: 'k1', contactName: 'Lucía Pérez', lastMessage: { role: 'customer', text: 'quiero hablar con alguien', at: '2026-05-01T10:00:00Z' },
    openedAt: '2026-05-01T09:58:00Z', lastMessageAt: '2026-05-01T10:00:00Z', closedAt: null, closeReason: null, csat: null, ...change,
  }
}

export function detail(change: Partial<ConversationSummary> = {}): ConversationDetail {
  return {
    conversation: summary(change),
    contact: { id: 'k1', displayName: 'Lucía Pérez', customerName: null, customerRef: null, verifiedAt: null, language: 'es', channelAddress: 'visitor-42', firstSeenAt: '2026-05-01T09:58:00Z' },
    audit: [],
  }
}

export function message(seq: number, change: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`, conversationId: 'c1', seq, role: 'customer', kind: 'text', text: `message ${seq}`, content: {},
    author: null, deliveryStatus: null, createdAt: '2026-05-01T10:00:00Z', ...change,
  }
}
