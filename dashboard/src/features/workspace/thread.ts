import type { AuditEntry, Message } from './types'

export type Entry = { at: number; message?: Message; event?: AuditEntry }

/**
 * The messages with the ownership changes between them ("Diego Agent took over"), in time order. Changes from
 * before the oldest loaded message wait until older messages are loaded.
 */
export function interleave(messages: Message[], events: AuditEntry[], complete: boolean): Entry[] {
  // Compared as times, not strings: the server writes fractions of a second only when there are some.
  const since = complete || messages.length === 0 ? -Infinity : Date.parse(messages[0].createdAt)
  const entries: Entry[] = [
    ...messages.map((message) => ({ at: Date.parse(message.createdAt), message })),
    ...events.map((event) => ({ at: Date.parse(event.at), event })).filter((entry) => entry.at >= since),
  ]
  return entries.sort((a, b) => a.at - b.at || (a.message ? -1 : 1))
}
