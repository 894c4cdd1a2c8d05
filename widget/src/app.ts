// Wires the pieces: the visitor session, the socket, the chat state and the view.
import { Connection, type SocketFactory } from './connection'
import { texts, type Language } from './i18n'
import { newClientId, type ServerFrame } from './protocol'
import type { VisitorSession } from './session'
import { ChatState, type Change } from './state'
import { ChatView } from './view'

export interface WidgetConfig {
  tenant: string
  name: string
  languages: string[]
  greeting: Record<string, string>
  linkHosts: string[]
  maxMessageChars: number
  socketPath: string
}

const TYPING_EVERY_MS = 4000
/** A typing notice the platform never ends (a turn that ended without a reply) fades on its own. */
const TYPING_SHOWN_MS = 30_000

export class ChatApp {
  readonly state: ChatState
  readonly view: ChatView
  private readonly connection: Connection
  private connectionState: 'connecting' | 'open' | 'reconnecting' = 'connecting'
  private lastTyping = 0
  private typingTimer: ReturnType<typeof setTimeout> | undefined
  private readonly language: Language
  private readonly session: VisitorSession

  constructor(root: ShadowRoot, base: string, config: WidgetConfig, language: Language, session: VisitorSession, factory?: SocketFactory) {
    this.language = language
    this.session = session
    const t = texts[language]
    this.state = new ChatState(session.stored()?.conversationId ?? null)
    this.view = new ChatView(root, t, {
      name: config.name,
      greeting: config.greeting[language] ?? Object.values(config.greeting)[0] ?? '',
      linkHosts: config.linkHosts,
      maxMessageChars: config.maxMessageChars,
    }, {
      open: () => this.connection.start(),
      send: (text) => this.say(text),
      retry: (clientId) => this.retry(clientId),
      end: () => this.connection.send({ type: 'end' }),
      rate: (score) => this.rate(score),
      typing: () => this.typing(),
    })
    const url = base.replace(/^http/, 'ws') + config.socketPath
    this.connection = new Connection(url, {
      token: async (renew) => (await this.session.token(renew)).token,
      hello: () => ({ type: 'hello', conversationId: this.state.conversationId, lastSeq: this.state.lastSeq, language: this.language }),
      onFrame: (frame) => this.onFrame(frame),
      onState: (state) => this.onConnection(state),
      onClosedTooLarge: () => this.view.showError(t.tooLong(config.maxMessageChars)),
    }, factory)
    // A visitor with a conversation under way sees it (and its replies) without opening the panel first.
    if (this.state.conversationId) this.connection.start()
  }

  private say(text: string): void {
    const clientId = newClientId()
    this.state.addPending(clientId, text)
    this.view.update(this.state, [{ kind: 'entries' }])
    this.connection.start()
    this.connection.send({ type: 'message', id: clientId, text })
  }

  private retry(clientId: string): void {
    const entry = this.state.retry(clientId)
    if (!entry) return
    this.view.update(this.state, [{ kind: 'entries' }])
    this.connection.send({ type: 'message', id: clientId, text: entry.text })
  }

  private rate(score: number): void {
    if (this.state.conversationId) this.connection.send({ type: 'rate', conversationId: this.state.conversationId, score })
  }

  private typing(): void {
    const now = Date.now()
    if (now - this.lastTyping > TYPING_EVERY_MS && this.state.conversationId) {
      this.lastTyping = now
      this.connection.send({ type: 'typing', active: true })
    }
  }

  private onConnection(state: 'connecting' | 'open' | 'reconnecting'): void {
    this.connectionState = state
    this.view.connection(state, this.state.humanJoined)
    if (state === 'open') {
      // Whatever was not acknowledged goes again under the same id; the platform stores each id once.
      for (const entry of this.state.pending()) this.connection.send({ type: 'message', id: entry.clientId!, text: entry.text })
    }
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === 'error' && frame.code === 'conversation_not_found') {
      // The stored conversation is not this visitor's (a new visitor token): start afresh.
      this.state.conversationId = null
      this.session.rememberConversation(null)
      this.connection.send({ type: 'hello', conversationId: null, lastSeq: 0, language: this.language })
      return
    }
    const changes = this.state.apply(frame)
    this.session.rememberConversation(this.state.conversationId)
    this.errors(changes)
    if (changes.some((c) => c.kind === 'typing')) this.fadeTyping()
    this.view.update(this.state, changes)
    if (changes.some((c) => c.kind === 'status')) this.view.connection(this.connectionState, this.state.humanJoined)
  }

  private fadeTyping(): void {
    clearTimeout(this.typingTimer)
    if (!this.state.typing) return
    this.typingTimer = setTimeout(() => {
      this.state.typing = null
      this.view.update(this.state, [{ kind: 'typing' }])
    }, TYPING_SHOWN_MS)
  }

  private errors(changes: Change[]): void {
    const t = texts[this.language]
    for (const change of changes) {
      if (change.kind !== 'error') continue
      if (change.code === 'message_too_large') this.view.showError(t.tooLong(change.limit ?? 0))
      else if (change.code === 'rate_limited') this.view.showError(t.slowDown)
      else if (change.code === 'busy') this.view.showError(t.busy)
      if (change.clientId) changes.push({ kind: 'entries' })
    }
  }
}
