import type { InfiniteData } from '@tanstack/react-query'
import type { Agent, ConversationDetail, ConversationSummary, Message, Page } from './types'

// Pure updates of cached query data from live events. Each returns the same object when nothing changed, so
// React Query does not re-render for events that concern something not on screen.

// A delivery status only moves forward, as on the server; copies of a message arrive in any order (the answer
// to the POST that sent it, the live event of its append, the live event of its delivery).
const DELIVERY_ORDER = ['queued', 'sent', 'failed', 'delivered', 'read']

function later(known: Message, incoming: Message): Message {
  const rank = (m: Message) => DELIVERY_ORDER.indexOf(m.deliveryStatus ?? 'queued')
  return rank(incoming) >= rank(known) ? incoming : { ...incoming, deliveryStatus: known.deliveryStatus }
}

/** Puts a message into the thread (newest page first), replacing the copy it may already have. */
export function mergeMessage(data: InfiniteData<Page<Message>> | undefined, message: Message): InfiniteData<Page<Message>> | undefined {
  if (!data) return data
  const pages = data.pages.map((page) => {
    const at = page.items.findIndex((m) => m.id === message.id)
    if (at < 0) return page
    const items = [...page.items]
    items[at] = later(items[at], message)
    return { ...page, items }
  })
  if (pages.some((page, i) => page !== data.pages[i])) return { ...data, pages }
  const [newest, ...older] = data.pages
  const items = [...(newest?.items ?? []), message].sort((a, b) => a.seq - b.seq)
  return { ...data, pages: [{ items, next: newest?.next ?? null }, ...older] }
}

/** The thread misses messages between what it has and this one: refetching is simpler than guessing. */
export function hasGap(data: InfiniteData<Page<Message>> | undefined, message: Message): boolean {
  const newest = data?.pages[0]?.items.at(-1)
  return newest !== undefined && message.seq > newest.seq + 1
}

export function replaceSummary(
  data: InfiniteData<Page<ConversationSummary>> | undefined,
  summary: ConversationSummary,
): InfiniteData<Page<ConversationSummary>> | undefined {
  if (!data || !data.pages.some((p) => p.items.some((c) => c.id === summary.id))) return data
  return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === summary.id ? summary : c)) })) }
}

export function replaceDetailSummary(data: ConversationDetail | undefined, summary: ConversationSummary): ConversationDetail | undefined {
  return data && data.conversation.id === summary.id ? { ...data, conversation: summary } : data
}

export function applyPresence(agents: Agent[] | undefined, statuses: { userId: string; status: Agent['status'] }[]): Agent[] | undefined {
  if (!agents) return agents
  const byId = new Map(statuses.map((s) => [s.userId, s.status]))
  return agents.map((a) => ({ ...a, status: byId.get(a.id) ?? 'offline' }))
}
