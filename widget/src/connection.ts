// The socket to the platform: connects with the visitor token as a subprotocol, says hello with the last seq it
// has (so it resumes without losses or repeats), resends what was not acknowledged under the same ids (the
// platform recognises them), pings to keep proxies from closing it, and reconnects with exponential backoff.
import type { ClientFrame, ServerFrame } from './protocol'

export interface ConnectionHooks {
  token: (renew: boolean) => Promise<string>
  hello: () => ClientFrame
  onFrame: (frame: ServerFrame) => void
  onState: (state: 'connecting' | 'open' | 'reconnecting') => void
  onClosedTooLarge: () => void
}

export type SocketFactory = (url: string, protocols: string[]) => WebSocket

const PING_MS = 25_000

export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** attempt)
  return Math.round(base / 2 + random() * (base / 2))
}

export class Connection {
  private socket: WebSocket | null = null
  private attempt = 0
  private opened = false
  private connecting = false
  private stopped = false
  private timer: ReturnType<typeof setTimeout> | undefined
  private ping: ReturnType<typeof setInterval> | undefined

  private readonly url: string
  private readonly hooks: ConnectionHooks
  private readonly factory: SocketFactory

  constructor(url: string, hooks: ConnectionHooks, factory: SocketFactory = (u, p) => new WebSocket(u, p)) {
    this.url = url
    this.hooks = hooks
    this.factory = factory
  }

  /**
   * Connects unless a socket is open or a connection is under way. Opening the panel and sending the first
   * message both start it, while the token is still being fetched: two connections then meant two visitor
   * tokens, and the unacknowledged first message was resent on the second socket as another visitor's.
   */
  start(): void {
    this.stopped = false
    if (this.socket || this.connecting) return
    clearTimeout(this.timer)
    void this.connect()
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    clearInterval(this.ping)
    this.socket?.close(1000)
    this.socket = null
  }

  isOpen(): boolean {
    return this.socket?.readyState === 1 && this.opened
  }

  /** Sends now when open; otherwise false, and the caller resends its pending messages once open again. */
  send(frame: ClientFrame): boolean {
    if (!this.isOpen()) return false
    this.socket!.send(JSON.stringify(frame))
    return true
  }

  private async connect(): Promise<void> {
    if (this.socket || this.connecting) return
    this.connecting = true
    this.hooks.onState(this.attempt === 0 ? 'connecting' : 'reconnecting')
    let token: string
    try {
      // After two handshakes in a row that failed, the token may be what is wrong: get a new one once.
      token = await this.hooks.token(this.attempt === 2)
    } catch {
      this.retry()
      return
    } finally {
      this.connecting = false
    }
    if (this.stopped) return
    const socket = this.factory(this.url, ['webchat.v1', `bearer.${token}`])
    this.socket = socket
    this.opened = false
    socket.onopen = () => {
      this.opened = true
      this.attempt = 0
      socket.send(JSON.stringify(this.hooks.hello()))
      clearInterval(this.ping)
      this.ping = setInterval(() => this.send({ type: 'ping' }), PING_MS)
      this.hooks.onState('open')
    }
    socket.onmessage = (event) => {
      let frame: ServerFrame
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame
      } catch {
        return // a frame the widget cannot read is skipped; the next hello resynchronises by seq
      }
      this.hooks.onFrame(frame)
    }
    socket.onclose = (event) => {
      if (this.socket !== socket) return
      clearInterval(this.ping)
      this.socket = null
      if (event.code === 1009) this.hooks.onClosedTooLarge()
      if (!this.stopped) this.retry()
    }
  }

  private retry(): void {
    this.hooks.onState('reconnecting')
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.connect(), backoff(this.attempt++))
  }
}
