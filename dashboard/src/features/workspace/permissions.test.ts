import { describe, expect, it } from 'vitest'
import { allowedActions } from './permissions'
import type { ConversationSummary } from './types'

function conversation(change: Partial<ConversationSummary>): ConversationSummary {
  return {
    id: 'c1', channel: 'webchat', status: 'active', owner: 'ai', assignee: null, handoffReason: null, language: 'es',
    contactId: 'k1', contactName: 'Lucía', lastMessage: null, openedAt: '', lastMessageAt: '', closedAt: null,
    closeReason: null, csat: null, ...change,
  }
}

describe('allowedActions', () => {
  it('lets any agent take over from the AI but not hand an AI conversation back to it', () => {
    const allowed = allowedActions(conversation({}), 'me', false)
    expect(allowed).toMatchObject({ take: true, returnToAi: false, reply: false })
  })

  it('lets the agent an offer went to take it, and nobody else but a supervisor act on it', () => {
    const offered = conversation({ status: 'pending', owner: 'human', assignee: { id: 'me', name: 'Me' } })
    expect(allowedActions(offered, 'me', false)).toMatchObject({ take: true, returnToAi: true, reply: false })
    expect(allowedActions(offered, 'other', false)).toMatchObject({ take: false, returnToAi: false, reassign: false, end: false })
    expect(allowedActions(offered, 'boss', true)).toMatchObject({ take: false, returnToAi: true, reassign: true, end: true })
  })

  it('lets only the holder reply', () => {
    const held = conversation({ status: 'human', owner: 'human', assignee: { id: 'me', name: 'Me' } })
    expect(allowedActions(held, 'me', false)).toMatchObject({ take: false, reply: true, end: true })
    expect(allowedActions(held, 'boss', true).reply).toBe(false)
  })

  it('allows nothing on a closed conversation', () => {
    const closed = allowedActions(conversation({ status: 'closed' }), 'me', true)
    expect(Object.values(closed).every((v) => !v)).toBe(true)
  })
})
