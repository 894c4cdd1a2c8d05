// Test doubles for the browser's WebSocket and the platform's session endpoint.
import type { ServerFrame } from '../protocol'
import type { Stored } from '../session'

export class FakeSocket {
  static all: FakeSocket[] = []
  readyState = 0
  sent: Record<string, unknown>[] = []
  url: string
  protocols: string[]
  onopen: ((e: unknown) => void) | null = null
  onmessage: ((e: { data: string }) => void) | null = null
  onclose: ((e: { code: number }) => void) | null = null

  constructor(url: string, protocols: string[]) {
    this.url = url
    this.protocols = protocols
    FakeSocket.all.push(this)
  }

  static last(): FakeSocket {
    return FakeSocket.all[FakeSocket.all.length - 1]
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>)
  }

  close(code = 1000): void {
    this.readyState = 3
    this.onclose?.({ code })
  }

  open(): void {
    this.readyState = 1
    this.onopen?.({})
  }

  receive(frame: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(frame) })
  }

  drop(code = 1006): void {
    this.readyState = 3
    this.onclose?.({ code })
  }

  sentOfType(type: string): Record<string, unknown>[] {
    return this.sent.filter((f) => f.type === type)
  }
}

export const factory = (url: string, protocols: string[]) => new FakeSocket(url, protocols) as unknown as WebSocket

export class FakeSession {
  renewals = 0
  conversationId: string | undefined
  stored(): Stored | null {
    return { token: 'tok', visitorId: 'v_1', expiresAt: '2100-01-01T00:00:00Z', conversationId: this.conversationId }
  }
  async token(renew: boolean): Promise<Stored> {
    if (renew) this.renewals++
    return this.stored()!
  }
  rememberConversation(id: string | null): void {
    this.conversationId = id ?? undefined
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
