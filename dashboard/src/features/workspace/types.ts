// The workspace API's shapes (see ConversationController, AgentController and the live events on the server).

export type Person = { id: string; name: string | null }
export type Status = 'active' | 'pending' | 'human' | 'closed'
export type Role = 'customer' | 'ai' | 'human' | 'tool' | 'system' | 'note'

export type ConversationSummary = {
  id: string
  channel: 'webchat' | 'whatsapp' | 'voice'
  status: Status
  owner: 'ai' | 'human'
  assignee: Person | null
  handoffReason: string | null
  language: string | null
  contactId: string
  contactName: string | null
  lastMessage: { role: Role; text: string | null; at: string } | null
  openedAt: string
  lastMessageAt: string
  closedAt: string | null
  closeReason: string | null
  csat: number | null
}

export type ContactCard = {
  id: string
  displayName: string | null
  customerName: string | null
  customerRef: string | null
  verifiedAt: string | null
  language: string | null
  channelAddress: string
  firstSeenAt: string
}

export type AuditEntry = {
  id: number
  change: string
  from: Status
  to: Status
  owner: 'ai' | 'human'
  assignee: Person | null
  actor: Person | null
  reason: string | null
  at: string
}

export type ConversationDetail = { conversation: ConversationSummary; contact: ContactCard; audit: AuditEntry[] }

export type Message = {
  id: string
  conversationId: string
  seq: number
  role: Role
  kind: string
  text: string | null
  content: Record<string, unknown>
  author: Person | null
  deliveryStatus: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | null
  createdAt: string
}

export type Page<T> = { items: T[]; next: string | null }

export type Agent = {
  id: string
  name: string
  email: string
  role: 'owner' | 'admin' | 'agent'
  status: 'online' | 'away' | 'offline'
  openConversations: number
}

export type CannedReply = { id: string; shortcut: string; title: string; body: string }

export type Counts = { all: number; mine: number; unassigned: number; ai: number }

export type Filters = {
  status: 'active' | 'inactive'
  view: 'all' | 'mine' | 'unassigned' | 'ai'
  channel: '' | 'webchat' | 'whatsapp' | 'voice'
  q: string
}
