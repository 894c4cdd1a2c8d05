import type { ConversationSummary } from './types'

export type Allowed = { take: boolean; returnToAi: boolean; reassign: boolean; end: boolean; reply: boolean }

/**
 * What the signed-in agent may do with a conversation, mirroring the server's rules (which decide in the
 * end): anyone may act on a conversation nobody holds; only its holder, or a supervisor, on a held one.
 */
export function allowedActions(c: ConversationSummary, me: string | undefined, supervisor: boolean): Allowed {
  const closed = c.status === 'closed'
  const mine = c.assignee !== null && c.assignee.id === me
  const othersButMayOverride = c.assignee !== null && !mine && !supervisor
  return {
    take: !closed && !(c.status === 'human' && mine) && (c.assignee === null || mine),
    returnToAi: !closed && (c.status === 'pending' || c.status === 'human') && !othersButMayOverride,
    reassign: !closed && !othersButMayOverride,
    end: !closed && !othersButMayOverride,
    reply: c.status === 'human' && mine,
  }
}
