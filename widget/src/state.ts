// What the widget shows, as data: committed messages in seq order (each once), the visitor's messages still
// on their way, the replies being streamed, and the conversation's status. Frames go in; the UI reads it.
import type { Role, ServerFrame } from './protocol'

export interface Entry {
  key: string
  role: Role
  text: string
  seq?: number
  author?: string
  clientId?: string
  pending?: 'sending' | 'failed'
  error?: string
}

export interface Draft {
  turnId: string
  text: string
}

export type Change =
  | { kind: 'entries' }
  | { kind: 'drafts' }
  | { kind: 'typing' }
  | { kind: 'status' }
  | { kind: 'new-conversation' }
  | { kind: 'reply'; entry: Entry }
  | { kind: 'error'; code: string; message: string; clientId?: string; limit?: number }

export class ChatState {
  conversationId: string | null = null
  lastSeq = 0
  entries: Entry[] = []
  drafts = new Map<string, string>()
  typing: Role | null = null
  closed = false
  rated = false
  humanJoined = false

  constructor(conversationId: string | null = null) {
    this.conversationId = conversationId
  }

  /** A message the visitor just wrote, shown at once and confirmed by its echo. */
  addPending(clientId: string, text: string): void {
    this.entries.push({ key: `c:${clientId}`, role: 'customer', text, clientId, pending: 'sending' })
  }

  pending(): Entry[] {
    return this.entries.filter((e) => e.pending === 'sending')
  }

  fail(clientId: string, error: string): void {
    const entry = this.entries.find((e) => e.clientId === clientId && e.seq === undefined)
    if (entry) {
      entry.pending = 'failed'
      entry.error = error
    }
  }

  retry(clientId: string): Entry | undefined {
    const entry = this.entries.find((e) => e.clientId === clientId && e.pending === 'failed')
    if (entry) {
      entry.pending = 'sending'
      entry.error = undefined
    }
    return entry
  }

  apply(frame: ServerFrame): Change[] {
    switch (frame.type) {
      case 'welcome':
        if (frame.conversationId) {
          this.closed = frame.status === 'closed'
          this.rated = frame.rated ?? false
          return [{ kind: 'status' }]
        }
        return []
      case 'message':
        return this.message(frame)
      case 'delta':
        return this.delta(frame)
      case 'typing':
        if (frame.conversationId !== this.conversationId) return []
        this.typing = frame.active ? frame.role : null
        return [{ kind: 'typing' }]
      case 'ack':
        return this.ack(frame)
      case 'status':
        if (frame.conversationId !== this.conversationId) return []
        this.humanJoined = frame.status === 'human'
        return [{ kind: 'status' }]
      case 'closed':
        if (frame.conversationId !== this.conversationId) return []
        this.closed = true
        this.typing = null
        this.drafts.clear()
        return [{ kind: 'status' }, { kind: 'typing' }, { kind: 'drafts' }]
      case 'rated':
        if (frame.conversationId !== this.conversationId) return []
        this.rated = true
        return [{ kind: 'status' }]
      case 'error':
        if (frame.id) this.fail(frame.id, frame.code)
        return [{ kind: 'error', code: frame.code, message: frame.message, clientId: frame.id, limit: frame.limit }]
      default:
        return []
    }
  }

  private follow(conversationId: string): Change[] {
    if (this.conversationId === conversationId) return []
    const started = this.conversationId !== null
    this.conversationId = conversationId
    this.lastSeq = 0
    this.closed = false
    this.rated = false
    this.humanJoined = false
    this.drafts.clear()
    this.entries = this.entries.filter((e) => e.seq === undefined)
    return started ? [{ kind: 'new-conversation' }] : []
  }

  private message(frame: Extract<ServerFrame, { type: 'message' }>): Change[] {
    const changes = this.follow(frame.conversationId)
    if (frame.seq <= this.lastSeq && this.entries.some((e) => e.seq === frame.seq)) return changes
    const entry: Entry = { key: `m:${frame.id}`, role: frame.role, text: frame.text, seq: frame.seq, author: frame.author }
    const mine = frame.clientId ? this.entries.findIndex((e) => e.clientId === frame.clientId && e.seq === undefined) : -1
    if (mine >= 0) this.entries.splice(mine, 1)
    if (frame.clientId) entry.clientId = frame.clientId
    this.insert(entry)
    this.lastSeq = Math.max(this.lastSeq, frame.seq)
    changes.push({ kind: 'entries' })
    if (frame.role !== 'customer') {
      if (frame.turnId && this.drafts.delete(frame.turnId)) changes.push({ kind: 'drafts' })
      if (this.typing) {
        this.typing = null
        changes.push({ kind: 'typing' })
      }
      changes.push({ kind: 'reply', entry })
    }
    return changes
  }

  /** Committed entries stay in seq order; entries still pending stay after them. */
  private insert(entry: Entry): void {
    const at = this.entries.findIndex((e) => e.seq === undefined || (entry.seq ?? 0) < e.seq)
    if (at < 0) this.entries.push(entry)
    else this.entries.splice(at, 0, entry)
  }

  /** Applies a delta at its offset: text the widget already has is skipped, a gap waits for the reply. */
  private delta(frame: Extract<ServerFrame, { type: 'delta' }>): Change[] {
    if (frame.conversationId !== this.conversationId) return []
    const draft = this.drafts.get(frame.turnId) ?? ''
    if (frame.offset > draft.length || frame.offset + frame.text.length <= draft.length) return []
    this.drafts.set(frame.turnId, draft + frame.text.slice(draft.length - frame.offset))
    const changes: Change[] = [{ kind: 'drafts' }]
    if (this.typing) {
      this.typing = null
      changes.push({ kind: 'typing' })
    }
    return changes
  }

  private ack(frame: Extract<ServerFrame, { type: 'ack' }>): Change[] {
    const changes = this.follow(frame.conversationId)
    const entry = this.entries.find((e) => e.clientId === frame.id && e.seq === undefined)
    if (entry) {
      // The echo normally comes first; if it was missed (another socket), the ack confirms the message.
      entry.pending = undefined
      entry.seq = frame.seq
      this.entries.splice(this.entries.indexOf(entry), 1)
      this.insert(entry)
      this.lastSeq = Math.max(this.lastSeq, frame.seq)
      changes.push({ kind: 'entries' })
    }
    return changes
  }
}
