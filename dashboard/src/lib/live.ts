// The dashboard's live connection to /ws/workspace. The access token goes in the first message (never in the
// URL); subscriptions are reference-counted so several screens can share one; heartbeats carry whether the
// user is idle (the server shows them as away); a dropped connection comes back with backoff and tells
// listeners to resynchronise, since events may have been missed meanwhile.

export type LiveEvent = { type: string; tenant?: string; [key: string]: unknown }
export type LiveStatus = 'connecting' | 'open' | 'offline'

type SocketLike = {
  readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: { code: number }) => void) | null
  onerror: ((event: unknown) => void) | null
}

export type LiveOptions = {
  url: string
  token: (force: boolean) => Promise<string | null>
  createSocket?: (url: string) => SocketLike
  heartbeatMs?: number
  maxBackoffMs?: number
}

const OPEN = 1
const UNAUTHORIZED = 4401

export class LiveConnection {
  private socket: SocketLike | null = null
  private running = false
  private ready = false
  private idle = false
  private attempts = 0
  private forceToken = false
  private everReady = false
  private heartbeat: ReturnType<typeof setInterval> | null = null
  private retry: ReturnType<typeof setTimeout> | null = null
  private readonly subscriptions = new Map<string, { tenant: string; conversation?: string; count: number }>()
  private readonly listeners = new Set<(event: LiveEvent) => void>()
  private readonly statusListeners = new Set<(status: LiveStatus) => void>()
  private currentStatus: LiveStatus = 'offline'
  private readonly options: Required<LiveOptions>

  constructor(options: LiveOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      heartbeatMs: 20_000,
      maxBackoffMs: 15_000,
      ...options,
    }
  }

  get status(): LiveStatus {
    return this.currentStatus
  }

  start() {
    if (this.running) return
    this.running = true
    this.connect()
  }

  stop() {
    this.running = false
    this.clearTimers()
    this.socket?.close(1000, 'signed out')
    this.socket = null
    this.setStatus('offline')
  }

  /** Subscribes to a tenant's events, or to one conversation's messages; returns the unsubscribe. */
  subscribe(tenant: string, conversation?: string): () => void {
    const key = `${tenant}|${conversation ?? ''}`
    const existing = this.subscriptions.get(key)
    if (existing) {
      existing.count++
    } else {
      this.subscriptions.set(key, { tenant, conversation, count: 1 })
      this.sendIfReady({ type: 'subscribe', tenant, ...(conversation ? { conversation } : {}) })
    }
    return () => {
      const entry = this.subscriptions.get(key)
      if (!entry) return
      entry.count--
      if (entry.count === 0) {
        this.subscriptions.delete(key)
        this.sendIfReady({ type: 'unsubscribe', tenant, ...(conversation ? { conversation } : {}) })
      }
    }
  }

  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  /** Idle users show as away; the change is sent at once rather than with the next heartbeat. */
  setIdle(idle: boolean) {
    if (idle === this.idle) return
    this.idle = idle
    this.sendIfReady({ type: 'heartbeat', idle })
  }

  private connect() {
    this.setStatus('connecting')
    const socket = this.options.createSocket(this.options.url)
    this.socket = socket
    socket.onopen = async () => {
      const token = await this.options.token(this.forceToken).catch(() => null)
      this.forceToken = false
      if (socket !== this.socket) return
      if (!token) {
        socket.close(1000, 'no session')
        return
      }
      socket.send(JSON.stringify({ type: 'auth', token }))
    }
    socket.onmessage = (message) => this.receive(socket, message.data)
    socket.onclose = (event) => this.closed(socket, event.code)
    socket.onerror = () => undefined
  }

  private receive(socket: SocketLike, data: unknown) {
    if (socket !== this.socket || typeof data !== 'string') return
    let event: LiveEvent
    try {
      event = JSON.parse(data) as LiveEvent
    } catch {
      return
    }
    if (event.type === 'ready') {
      this.ready = true
      this.attempts = 0
      this.subscriptions.forEach(({ tenant, conversation }) =>
        this.sendIfReady({ type: 'subscribe', tenant, ...(conversation ? { conversation } : {}) }))
      this.heartbeat = setInterval(() => this.sendIfReady({ type: 'heartbeat', idle: this.idle }), this.options.heartbeatMs)
      if (this.everReady) this.emit({ type: 'resync' })
      this.everReady = true
      this.setStatus('open')
      return
    }
    this.emit(event)
  }

  private closed(socket: SocketLike, code: number) {
    if (socket !== this.socket) return
    this.socket = null
    this.ready = false
    this.clearTimers()
    this.setStatus('offline')
    if (!this.running) return
    this.forceToken = code === UNAUTHORIZED
    const delay = Math.min(this.options.maxBackoffMs, 500 * 2 ** this.attempts)
    this.attempts++
    this.retry = setTimeout(() => this.connect(), code === UNAUTHORIZED && this.attempts === 1 ? 0 : delay)
  }

  private sendIfReady(message: object) {
    if (this.ready && this.socket && this.socket.readyState === OPEN) {
      this.socket.send(JSON.stringify(message))
    }
  }

  private emit(event: LiveEvent) {
    this.listeners.forEach((listener) => listener(event))
  }

  private setStatus(status: LiveStatus) {
    if (status === this.currentStatus) return
    this.currentStatus = status
    this.statusListeners.forEach((listener) => listener(status))
  }

  private clearTimers() {
    if (this.heartbeat) clearInterval(this.heartbeat)
    if (this.retry) clearTimeout(this.retry)
    this.heartbeat = null
    this.retry = null
  }
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/workspace`
}
