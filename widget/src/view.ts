// The widget's DOM: launcher, panel, message log, streamed drafts, typing line, rating, composer. It reads the
// ChatState and updates only what a change touched, so screen readers announce each new message once.
import { el } from './dom'
import type { Texts } from './i18n'
import { render } from './markdown'
import type { Change, ChatState, Entry } from './state'
import { styles } from './styles'

export interface ViewConfig {
  name: string
  greeting: string
  linkHosts: string[]
  maxMessageChars: number
}

export interface ViewActions {
  open(): void
  send(text: string): void
  retry(clientId: string): void
  end(): void
  rate(score: number): void
  typing(): void
}

const CHAT_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>'

export class ChatView {
  readonly launcher: HTMLButtonElement
  readonly panel: HTMLElement
  readonly input: HTMLTextAreaElement
  private readonly doc: Document
  private readonly badge: HTMLElement
  private readonly statusLine: HTMLElement
  private readonly log: HTMLOListElement
  private readonly drafts: HTMLElement
  private readonly typingLine: HTMLElement
  private readonly rating: HTMLElement
  private readonly alert: HTMLElement
  private readonly endButton: HTMLButtonElement
  private readonly scroll: HTMLElement
  private readonly items = new Map<string, HTMLElement>()
  private draftBubbles = new Map<string, HTMLElement>()
  private unread = 0
  private readonly t: Texts
  private readonly config: ViewConfig
  private readonly actions: ViewActions

  constructor(root: ShadowRoot, t: Texts, config: ViewConfig, actions: ViewActions) {
    this.t = t
    this.config = config
    this.actions = actions
    const doc = (this.doc = root.ownerDocument)
    this.launcher = el(doc, 'button', { class: 'launcher', type: 'button', 'aria-label': t.open, 'aria-expanded': 'false', 'aria-controls': 'sb-panel' })
    // A constant, trusted icon: the only markup the widget ever parses.
    this.launcher.innerHTML = CHAT_ICON
    this.badge = el(doc, 'span', { class: 'badge', hidden: true })
    this.launcher.append(this.badge)
    this.statusLine = el(doc, 'p', { 'aria-live': 'polite' }, t.offline)
    this.endButton = el(doc, 'button', { type: 'button', hidden: true }, t.endChat)
    const minimise = el(doc, 'button', { type: 'button', class: 'icon', 'aria-label': t.close }, '×')
    const title = el(doc, 'h2', { id: 'sb-title' }, t.chatWith(config.name))
    const header = el(doc, 'header', {}, el(doc, 'div', { class: 'titles' }, title, this.statusLine), this.endButton, minimise)
    this.log = el(doc, 'ol', { role: 'log', 'aria-label': t.messages, 'aria-live': 'polite', 'aria-relevant': 'additions' })
    this.drafts = el(doc, 'div', { class: 'drafts', 'aria-hidden': 'true' })
    const greeting = el(doc, 'li', { class: 'msg ai' }, el(doc, 'span', { class: 'who' }, t.assistant), config.greeting)
    this.log.append(greeting)
    this.scroll = el(doc, 'div', { class: 'scroll' }, this.log, this.drafts)
    this.typingLine = el(doc, 'div', { class: 'typing', role: 'status' })
    this.rating = el(doc, 'div', { class: 'rating', hidden: true })
    this.alert = el(doc, 'div', { class: 'alert', role: 'alert' })
    this.input = el(doc, 'textarea', { 'aria-label': t.message, rows: '1', maxlength: String(config.maxMessageChars), placeholder: t.message })
    const send = el(doc, 'button', { type: 'submit' }, t.send)
    const form = el(doc, 'form', {}, this.input, send)
    this.panel = el(doc, 'section', { class: 'panel', id: 'sb-panel', role: 'dialog', 'aria-labelledby': 'sb-title', hidden: true },
      header, this.scroll, this.typingLine, this.rating, this.alert, form)
    root.append(el(doc, 'style', {}, styles), this.panel, this.launcher)

    this.launcher.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()))
    minimise.addEventListener('click', () => this.close())
    this.endButton.addEventListener('click', () => actions.end())
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close()
    })
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      this.submit()
    })
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault()
        this.submit()
      }
    })
    this.input.addEventListener('input', () => actions.typing())
  }

  open(): void {
    this.panel.hidden = false
    this.launcher.setAttribute('aria-expanded', 'true')
    this.launcher.setAttribute('aria-label', this.t.close)
    this.unread = 0
    this.badge.hidden = true
    this.actions.open()
    this.input.focus()
    this.toBottom()
  }

  close(): void {
    this.panel.hidden = true
    this.launcher.setAttribute('aria-expanded', 'false')
    this.launcher.setAttribute('aria-label', this.t.open)
    this.launcher.focus()
  }

  connection(state: 'connecting' | 'open' | 'reconnecting', humanJoined: boolean): void {
    this.statusLine.textContent =
      state === 'open' ? (humanJoined ? this.t.humanJoined : this.t.assistant) : state === 'connecting' ? this.t.offline : this.t.reconnecting
  }

  showError(message: string): void {
    this.alert.textContent = message
  }

  update(state: ChatState, changes: Change[]): void {
    for (const change of changes) {
      if (change.kind === 'entries') this.entries(state)
      else if (change.kind === 'drafts') this.renderDrafts(state)
      else if (change.kind === 'typing') this.typingLine.textContent = state.typing ? this.t.typing(this.config.name) : ''
      else if (change.kind === 'status') this.status(state)
      else if (change.kind === 'new-conversation') this.divider(state)
      else if (change.kind === 'reply' && this.panel.hidden) this.bumpUnread()
    }
    this.endButton.hidden = state.closed || state.conversationId === null
    this.toBottom()
  }

  private submit(): void {
    const text = this.input.value.trim()
    if (!text) return
    if (text.length > this.config.maxMessageChars) {
      this.showError(this.t.tooLong(this.config.maxMessageChars))
      return
    }
    this.input.value = ''
    this.showError('')
    this.actions.send(text)
  }

  private entries(state: ChatState): void {
    const keep = new Set(state.entries.map((e) => e.key))
    for (const [key, item] of this.items) {
      if (!keep.has(key)) {
        item.remove()
        this.items.delete(key)
      }
    }
    const ordered = state.entries.map((entry) => this.item(entry))
    // Only items out of place move; moving nodes in a live region would have them read again.
    let previous: Element | null = null
    for (const item of ordered) {
      const expected: Element | null = previous ? previous.nextElementSibling : this.firstEntrySlot()
      if (expected !== item) {
        if (previous) previous.after(item)
        else this.log.append(item)
      }
      previous = item
    }
  }

  private firstEntrySlot(): Element | null {
    for (const child of Array.from(this.log.children)) {
      if (child.hasAttribute('data-key')) return child
    }
    return null
  }

  private item(entry: Entry): HTMLElement {
    let item = this.items.get(entry.key)
    if (!item) {
      item = el(this.doc, 'li', { 'data-key': entry.key })
      item.append(...this.content(entry))
      this.items.set(entry.key, item)
    }
    item.className = `msg ${entry.role}${entry.pending ? ` ${entry.pending}` : ''}`
    const failure = item.querySelector('.failure')
    if (entry.pending === 'failed' && !failure) item.append(this.failure(entry))
    if (entry.pending !== 'failed' && failure) failure.remove()
    return item
  }

  private content(entry: Entry): Node[] {
    if (entry.role === 'customer') {
      return [el(this.doc, 'span', { class: 'sr' }, `${this.t.you}: `), this.doc.createTextNode(entry.text)]
    }
    const who = entry.role === 'human' ? this.t.humanAgent(entry.author ?? '') : this.t.assistant
    return [el(this.doc, 'span', { class: 'who' }, who), render(this.doc, entry.text, this.config.linkHosts)]
  }

  private failure(entry: Entry): HTMLElement {
    const retry = el(this.doc, 'button', { type: 'button' }, this.t.retry)
    retry.addEventListener('click', () => this.actions.retry(entry.clientId!))
    return el(this.doc, 'span', { class: 'failure who' }, this.t.failed, retry)
  }

  private renderDrafts(state: ChatState): void {
    const bubbles = [...state.drafts.entries()].map(([turn, text]) => {
      const bubble = this.draftBubbles.get(turn) ?? el(this.doc, 'div', { class: 'msg ai draft' })
      bubble.textContent = text
      return [turn, bubble] as const
    })
    this.draftBubbles = new Map(bubbles)
    this.drafts.replaceChildren(...this.draftBubbles.values())
  }

  private status(state: ChatState): void {
    this.statusLine.textContent = state.humanJoined ? this.t.humanJoined : this.t.assistant
    this.rating.hidden = !state.closed
    if (!state.closed) return
    if (state.rated) {
      this.rating.replaceChildren(el(this.doc, 'p', { role: 'status' }, this.t.thanks))
      return
    }
    const question = el(this.doc, 'p', { id: 'sb-rate' }, `${this.t.ended} ${this.t.rateQuestion}`)
    const stars = el(this.doc, 'div', { class: 'stars', role: 'group', 'aria-labelledby': 'sb-rate' })
    for (let score = 1; score <= 5; score++) {
      const button = el(this.doc, 'button', { type: 'button', 'aria-label': this.t.rateOption(score) }, '★', String(score))
      button.addEventListener('click', () => this.actions.rate(score))
      stars.append(button)
    }
    this.rating.replaceChildren(question, stars)
  }

  /** The previous conversation's messages stay on screen, frozen above a divider; new ones go below it. */
  private divider(state: ChatState): void {
    const current = new Set(state.entries.map((e) => e.key))
    for (const [key, item] of this.items) {
      if (!current.has(key)) {
        item.removeAttribute('data-key')
        this.items.delete(key)
      }
    }
    this.log.append(el(this.doc, 'li', { class: 'divider' }, this.t.newConversation))
  }

  private bumpUnread(): void {
    this.unread++
    this.badge.hidden = false
    this.badge.textContent = String(this.unread)
    this.launcher.setAttribute('aria-label', `${this.t.open} (${this.t.unread(this.unread)})`)
  }

  private toBottom(): void {
    this.scroll.scrollTop = this.scroll.scrollHeight
  }
}
