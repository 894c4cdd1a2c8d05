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
