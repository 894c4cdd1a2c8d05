import type { Agent, ConversationSummary, Status } from './types'

// How states, channels and presence look; the words come from the locale files.

export const statusColor: Record<Status, string> = { active: 'blue', pending: 'orange', human: 'teal', closed: 'gray' }

export const channelColor: Record<ConversationSummary['channel'], string> = { webchat: 'indigo', whatsapp: 'green', voice: 'grape' }

export const presenceColor: Record<Agent['status'], string> = { online: 'teal', away: 'yellow', offline: 'gray' }

/** A customer's name, or the channel's address when they never gave one. */
export function contactLabel(name: string | null | undefined, fallback: string): string {
  return name && name.trim() ? name : fallback
}

export function initials(name: string | null | undefined): string {
  const parts = (name ?? '?').trim().split(/\s+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase()
}
