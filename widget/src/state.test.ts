import { describe, expect, it } from 'vitest'
import type { ServerFrame } from './protocol'
import { ChatState } from './state'

const C = 'c-1'
function message(seq: number, role: 'customer' | 'ai' | 'human', text: string, extra: Partial<ServerFrame> = {}): ServerFrame {
  return { type: 'message', conversationId: C, seq, id: `m${seq}`, role, text, at: '', ...extra } as ServerFrame
}

describe('chat state', () => {
  it('shows each message once, in seq order, whatever order and repeats they arrive in', () => {
    const state = new ChatState(C)
    for (const frame of [message(2, 'ai', 'b'), message(1, 'customer', 'a'), message(2, 'ai', 'b'), message(3, 'ai', 'c')]) {
      state.apply(frame)
    }
    expect(state.entries.map((e) => e.text)).toEqual(['a', 'b', 'c'])
    expect(state.lastSeq).toBe(3)
  })

  it('replaces a pending message with its echo and keeps unconfirmed ones last', () => {
    const state = new ChatState(null)
    state.addPending('k1', 'hola')
    state.addPending('k2', 'sigo aquí')
    state.apply(message(1, 'customer', 'hola', { clientId: 'k1' } as Partial<ServerFrame>))
    state.apply({ type: 'ack', id: 'k1', conversationId: C, seq: 1, duplicate: false })
    expect(state.conversationId).toBe(C)
    expect(state.entries.map((e) => [e.text, e.pending])).toEqual([['hola', undefined], ['sigo aquí', 'sending']])
    expect(state.pending().map((e) => e.clientId)).toEqual(['k2'])
  })

  it('assembles a streamed reply from offsets across a reconnect, then swaps in the committed message', () => {
    const state = new ChatState(C)
    state.apply({ type: 'delta', conversationId: C, turnId: 't', offset: 0, text: 'The technician ' })
    state.apply({ type: 'delta', conversationId: C, turnId: 't', offset: 15, text: 'arrives ' })
    // reconnect: the whole draft again at offset 0, then a delta that overlaps what the snapshot had
    state.apply({ type: 'delta', conversationId: C, turnId: 't', offset: 0, text: 'The technician arrives at 10 ' })
    state.apply({ type: 'delta', conversationId: C, turnId: 't', offset: 23, text: 'at 10 ' })
    state.apply({ type: 'delta', conversationId: C, turnId: 't', offset: 29, text: 'tomorrow.' })
    expect(state.drafts.get('t')).toBe('The technician arrives at 10 tomorrow.')
    state.apply(message(2, 'ai', 'The technician arrives at 10 tomorrow.', { turnId: 't' } as Partial<ServerFrame>))
    expect(state.drafts.size).toBe(0)
    expect(state.entries.map((e) => e.text)).toEqual(['The technician arrives at 10 tomorrow.'])
  })

  it('waits for the committed reply when deltas have a gap', () => {
    const state = new ChatState(C)
    state.apply({ type: 'delta', conversationId: C, turnId: 't', offset: 5, text: 'lost start' })
    expect(state.drafts.size).toBe(0)
  })

  it('follows the next conversation after one closed and is rated', () => {
    const state = new ChatState(C)
    state.apply(message(1, 'customer', 'hi'))
    state.apply({ type: 'closed', conversationId: C, reason: 'visitor_ended' })
    expect(state.closed).toBe(true)
    state.apply({ type: 'rated', conversationId: C, score: 4 })
    expect(state.rated).toBe(true)
    state.addPending('k9', 'otra cosa')
    const changes = state.apply({ ...message(1, 'customer', 'otra cosa', { clientId: 'k9' } as Partial<ServerFrame>), conversationId: 'c-2' } as ServerFrame)
    expect(changes.map((c) => c.kind)).toContain('new-conversation')
    expect(state).toMatchObject({ conversationId: 'c-2', closed: false, rated: false, lastSeq: 1 })
    expect(state.entries.map((e) => e.text)).toEqual(['otra cosa'])
  })

  it('marks a refused message as failed with the reason', () => {
    const state = new ChatState(C)
    state.addPending('k1', 'x')
    state.apply({ type: 'error', code: 'rate_limited', message: '', id: 'k1', retryAfterMs: 1000 })
    expect(state.entries[0]).toMatchObject({ pending: 'failed', error: 'rate_limited' })
  })

  it('marks a message the busy platform did not take as failed, so it can be sent again', () => {
    const state = new ChatState(C)
    state.addPending('k2', 'hola')
    state.apply({ type: 'error', code: 'busy', message: '', id: 'k2', retryAfterMs: 2000 })
    expect(state.entries[0]).toMatchObject({ pending: 'failed', error: 'busy' })
  })
})
