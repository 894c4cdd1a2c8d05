// Protocol webchat.v1: the JSON frames exchanged over /ws/webchat/{tenant} (see the platform's ClientFrames
// and Frames for the server side).

export type Role = 'customer' | 'ai' | 'human'

export type ServerFrame =
  | { type: 'welcome'; visitorId: string; conversationId?: string; status?: string; rated?: boolean }
  | {
      type: 'message'
      conversationId: string
      seq: number
      id: string
      role: Role
      text: string
      at: string
      turnId?: string
      clientId?: string
      author?: string
    }
  | { type: 'delta'; conversationId: string; turnId: string; offset: number; text: string }
  | { type: 'typing'; conversationId: string; role: 'ai' | 'human'; active: boolean }
  | { type: 'ack'; id: string; conversationId: string; seq: number; duplicate: boolean }
  | { type: 'status'; conversationId: string; status: string; owner: string }
  | { type: 'closed'; conversationId: string; reason: string }
  | { type: 'rated'; conversationId: string; score: number }
  | { type: 'error'; code: string; message: string; id?: string; retryAfterMs?: number; limit?: number }
  | { type: 'pong' }

export type ClientFrame =
  | { type: 'hello'; conversationId: string | null; lastSeq: number; language: string }
  | { type: 'message'; id: string; text: string }
  | { type: 'typing'; active: boolean }
  | { type: 'rate'; conversationId: string; score: number }
  | { type: 'end' }
  | { type: 'ping' }

/** The widget's id for a message it sends (crypto.randomUUID needs a secure context; this does not). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
