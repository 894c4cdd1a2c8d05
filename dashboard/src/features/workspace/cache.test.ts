import { describe, expect, it } from 'vitest'
import { applyPresence, hasGap, mergeMessage, replaceSummary } from './cache'
import { message, summary } from './fixtures.test-data'

const thread = (...seqs: number[]) => ({ pages: [{ items: seqs.map((s) => message(s)), next: null }], pageParams: [null] })

describe('workspace cache updates', () => {
  it('appends a new message in order and replaces a known one in place', () => {
    const appended = mergeMessage(thread(1, 2), message(3))
    expect(appended?.pages[0].items.map((m) => m.seq)).toEqual([1, 2, 3])
    const delivered = mergeMessage(appended, message(3, { deliveryStatus: 'delivered' }))
    expect(delivered?.pages[0].items).toHaveLength(3)
    expect(delivered?.pages[0].items[2].deliveryStatus).toBe('delivered')
  })

  it('never moves a delivery status backwards, whatever order the copies arrive in', () => {
    const delivered = mergeMessage(thread(1), message(1, { role: 'human', deliveryStatus: 'delivered' }))
    const stale = mergeMessage(delivered, message(1, { role: 'human', deliveryStatus: 'queued', text: 'edited?' }))
    expect(stale?.pages[0].items[0]).toMatchObject({ deliveryStatus: 'delivered', text: 'edited?' })
  })

  it('notices a gap in the sequence', () => {
    expect(hasGap(thread(1, 2), message(3))).toBe(false)
    expect(hasGap(thread(1, 2), message(5))).toBe(true)
  })

  it('patches a listed conversation and leaves lists without it untouched', () => {
    const list = { pages: [{ items: [summary(), summary({ id: 'c2' })], next: null }], pageParams: [null] }
    const changed = replaceSummary(list, summary({ status: 'pending' }))
    expect(changed?.pages[0].items[0].status).toBe('pending')
    expect(replaceSummary(list, summary({ id: 'c9' }))).toBe(list)
  })

  it('marks agents missing from a presence event offline', () => {
    const agents = [
      { id: 'a', name: 'A', email: '', role: 'agent' as const, status: 'online' as const, openConversations: 0 },
      { id: 'b', name: 'B', email: '', role: 'agent' as const, status: 'offline' as const, openConversations: 0 },
    ]
    expect(applyPresence(agents, [{ userId: 'b', status: 'away' }])?.map((a) => a.status)).toEqual(['offline', 'away'])
  })
})

describe('thread with ownership changes', () => {
  it('puts each change between the messages around it, and keeps back changes older than what is loaded', async () => {
    const { interleave } = await import('./thread')
    const at = (minute: number) => `2026-05-01T10:${String(minute).padStart(2, '0')}:00Z`
    const messages = [message(1, { createdAt: at(1) }), message(2, { createdAt: at(5) })]
    const change = (id: number, minute: number) => ({ id, change: 'taken', from: 'pending' as const, to: 'human' as const, owner: 'human' as const, assignee: null, actor: null, reason: null, at: at(minute) })
    const events = [change(1, 0), change(2, 3)]
    expect(interleave(messages, events, true).map((e) => e.message?.seq ?? `e${e.event?.id}`)).toEqual(['e1', 1, 'e2', 2])
    expect(interleave(messages, events, false).map((e) => e.message?.seq ?? `e${e.event?.id}`)).toEqual([1, 'e2', 2])
    const precise = [message(1, { createdAt: '2026-05-01T10:00:03Z' })]
    expect(interleave(precise, [change(3, 0)].map((c) => ({ ...c, at: '2026-05-01T10:00:03.5Z' })), true)
      .map((e) => e.message?.seq ?? `e${e.event?.id}`)).toEqual([1, 'e3'])
  })
})
