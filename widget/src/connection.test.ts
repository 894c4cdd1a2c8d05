import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoff, Connection } from './connection'
import type { ClientFrame } from './protocol'
import { factory, FakeSocket, flush } from './test/fakes'

describe('connection', () => {
  let lastSeq = 0
  let renewed: boolean[] = []
  const states: string[] = []
  const connection = () =>
    new Connection('ws://platform/ws/webchat/acme', {
      token: async (renew) => {
        renewed.push(renew)
        return 'tok'
      },
      hello: (): ClientFrame => ({ type: 'hello', conversationId: 'c-1', lastSeq, language: 'es' }),
      onFrame: () => {},
      onState: (s) => states.push(s),
      onClosedTooLarge: () => states.push('too-large'),
    }, factory)

  beforeEach(() => {
    vi.useFakeTimers()
    FakeSocket.all = []
    renewed = []
    states.length = 0
  })
  afterEach(() => vi.useRealTimers())

  it('offers the protocol and the token as subprotocols and says hello with the last seq it has', async () => {
    lastSeq = 7
    connection().start()
    await flush()
    const socket = FakeSocket.last()
    expect(socket.protocols).toEqual(['webchat.v1', 'bearer.tok'])
    socket.open()
    expect(socket.sent[0]).toEqual({ type: 'hello', conversationId: 'c-1', lastSeq: 7, language: 'es' })
  })

  it('opens one socket when started again while its token is still being fetched', async () => {
    let release: (token: string) => void = () => {}
    let fetches = 0
    const c = new Connection('ws://platform/ws/webchat/acme', {
      token: () => {
        fetches++
        return new Promise<string>((resolve) => (release = resolve))
      },
      hello: (): ClientFrame => ({ type: 'hello', conversationId: null, lastSeq: 0, language: 'en' }),
      onFrame: () => {},
      onState: () => {},
      onClosedTooLarge: () => {},
    }, factory)
    c.start()
    c.start()
    release('tok')
    await flush()
    c.start()
    await flush()
    expect(fetches).toBe(1)
    expect(FakeSocket.all).toHaveLength(1)
  })

  it('reconnects with growing delays and resumes from where it was', async () => {
    const c = connection()
    c.start()
    await flush()
    FakeSocket.last().open()
    lastSeq = 12
    FakeSocket.last().drop()
    expect(states).toContain('reconnecting')
    expect(FakeSocket.all).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(500)
    await flush()
    expect(FakeSocket.all).toHaveLength(2)
    FakeSocket.last().open()
    expect(FakeSocket.last().sent[0]).toMatchObject({ type: 'hello', lastSeq: 12 })
  })

  it('asks for a new token once two handshakes in a row failed', async () => {
    connection().start()
    await flush()
    for (let i = 0; i < 3; i++) {
      FakeSocket.last().drop()
      await vi.advanceTimersByTimeAsync(30_000)
      await flush()
    }
    expect(renewed).toEqual([false, false, true, false])
  })

  it('tells the app when the platform closed the socket for a frame that was too large', async () => {
    connection().start()
    await flush()
    FakeSocket.last().open()
    FakeSocket.last().drop(1009)
    expect(states).toContain('too-large')
  })

  it('backs off exponentially with jitter, capped at 30 seconds', () => {
    expect(backoff(0, () => 0)).toBe(250)
    expect(backoff(0, () => 1)).toBe(500)
    expect(backoff(3, () => 1)).toBe(4000)
    expect(backoff(20, () => 1)).toBe(30_000)
  })
})
