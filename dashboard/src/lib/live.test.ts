import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LiveConnection, liveUrl, type LiveEvent } from './live'

class FakeSocket {
  static all: FakeSocket[] = []
  readyState = 0
  sent: Record<string, unknown>[] = []
  onopen: ((e: unknown) => void) | null = null
  onmessage: ((e: { data: unknown }) => void) | null = null
  onclose: ((e: { code: number }) => void) | null = null
  onerror: ((e: unknown) => void) | null = null
  readonly url: string
  constructor(url: string) {
    this.url = url
    FakeSocket.all.push(this)
  }
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close(code = 1000) {
    this.readyState = 3
    this.onclose?.({ code })
  }
  async open() {
    this.readyState = 1
    await this.onopen?.({})
  }
  receive(event: object) {
    this.onmessage?.({ data: JSON.stringify(event) })
  }
  serverCloses(code: number) {
    this.readyState = 3
    this.onclose?.({ code })
  }
}

function connection(tokens: string[] = ['t1', 't2', 't3']) {
  const forced: boolean[] = []
  const live = new LiveConnection({
    url: 'ws://test/ws/workspace',
    token: async (force) => {
      forced.push(force)
      return tokens.shift() ?? null
    },
    createSocket: (url) => new FakeSocket(url),
    heartbeatMs: 1000,
  })
  return { live, forced }
}

describe('LiveConnection', () => {
  beforeEach(() => {
    FakeSocket.all = []
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('authenticates with the first message, never in the URL, then sends its subscriptions', async () => {
    const { live } = connection()
    live.subscribe('acme')
    live.start()
    const socket = FakeSocket.all[0]
    expect(socket.url).toBe('ws://test/ws/workspace')
    await socket.open()
    expect(socket.sent).toEqual([{ type: 'auth', token: 't1' }])
    socket.receive({ type: 'ready', userId: 'u1' })
    expect(socket.sent[1]).toEqual({ type: 'subscribe', tenant: 'acme' })
    expect(live.status).toBe('open')
  })

  it('shares a subscription between screens and drops it when the last one leaves', async () => {
    const { live } = connection()
    live.start()
    const socket = FakeSocket.all[0]
    await socket.open()
    socket.receive({ type: 'ready' })
    const first = live.subscribe('acme', 'c1')
    const second = live.subscribe('acme', 'c1')
    first()
    expect(socket.sent.filter((m) => m.type === 'unsubscribe')).toHaveLength(0)
    second()
    expect(socket.sent.at(-1)).toEqual({ type: 'unsubscribe', tenant: 'acme', conversation: 'c1' })
  })

  it('sends heartbeats that say whether the user is idle', async () => {
    const { live } = connection()
    live.start()
    const socket = FakeSocket.all[0]
    await socket.open()
    socket.receive({ type: 'ready' })
    vi.advanceTimersByTime(1000)
    expect(socket.sent.at(-1)).toEqual({ type: 'heartbeat', idle: false })
    live.setIdle(true)
    expect(socket.sent.at(-1)).toEqual({ type: 'heartbeat', idle: true })
  })

  it('reconnects with a forced fresh token after an unauthorised close and asks listeners to resync', async () => {
    const { live, forced } = connection()
    const events: LiveEvent[] = []
    live.onEvent((e) => events.push(e))
    live.subscribe('acme')
    live.start()
    await FakeSocket.all[0].open()
    FakeSocket.all[0].receive({ type: 'ready' })
    FakeSocket.all[0].receive({ type: 'conversation', tenant: 'acme' })
    FakeSocket.all[0].serverCloses(4401)
    expect(live.status).toBe('offline')
    vi.advanceTimersByTime(0)
    const second = FakeSocket.all[1]
    await second.open()
    expect(forced).toEqual([false, true])
    expect(second.sent[0]).toEqual({ type: 'auth', token: 't2' })
    second.receive({ type: 'ready' })
    expect(second.sent[1]).toEqual({ type: 'subscribe', tenant: 'acme' })
    expect(events.map((e) => e.type)).toEqual(['conversation', 'resync'])
  })

  it('stops for good when stopped', async () => {
    const { live } = connection()
    live.start()
    await FakeSocket.all[0].open()
    live.stop()
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1)
  })

  it('derives the socket URL from the page', () => {
    expect(liveUrl({ protocol: 'https:', host: 'sb.example' })).toBe('wss://sb.example/ws/workspace')
    expect(liveUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/workspace')
  })
})
