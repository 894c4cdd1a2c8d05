import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChatApp, type WidgetConfig } from './app'
import type { VisitorSession } from './session'
import { factory, FakeSession, FakeSocket, flush } from './test/fakes'

const CONFIG: WidgetConfig = {
  tenant: 'acme',
  name: 'Acme Home Services',
  languages: ['es', 'en'],
  greeting: { es: '¡Hola! ¿En qué te ayudo?', en: 'Hi! How can I help?' },
  linkHosts: ['acme.example'],
  maxMessageChars: 20,
  socketPath: '/ws/webchat/acme',
}

async function mount(language: 'es' | 'en' = 'en', session = new FakeSession()) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = host.attachShadow({ mode: 'open' })
  const app = new ChatApp(root, 'http://platform', CONFIG, language, session as unknown as VisitorSession, factory)
  return { root, app, session }
}

async function openAndConnect(root: ShadowRoot) {
  root.querySelector<HTMLButtonElement>('.launcher')!.click()
  await flush()
  const socket = FakeSocket.last()
  socket.open()
  socket.receive({ type: 'welcome', visitorId: 'v_1' })
  return socket
}

function typeAndSend(root: ShadowRoot, text: string) {
  const input = root.querySelector('textarea')!
  input.value = text
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
}

describe('the widget', () => {
  beforeEach(() => {
    document.body.replaceChildren()
    FakeSocket.all = []
  })
  afterEach(() => vi.useRealTimers())

  it('lets a typing notice that never ends fade after half a minute, and offers End chat only during a conversation', async () => {
    vi.useFakeTimers()
    const { root } = await mount()
    const socket = await openAndConnect(root)
    const end = root.querySelector<HTMLButtonElement>('header button:not(.icon)')!
    expect(end.hidden).toBe(true)
    socket.receive({ type: 'message', conversationId: 'c', seq: 1, id: 'm1', role: 'customer', text: 'hi', at: '' })
    expect(end.hidden).toBe(false)
    socket.receive({ type: 'typing', conversationId: 'c', role: 'ai', active: true })
    expect(root.querySelector('.typing')?.textContent).not.toBe('')
    vi.advanceTimersByTime(30_000)
    expect(root.querySelector('.typing')?.textContent).toBe('')
  })

  it('lives in a shadow root: the page cannot style it and it adds nothing to the page but its host', async () => {
    const { root } = await mount()
    expect(document.body.children).toHaveLength(1)
    expect(root.querySelector('style')?.textContent).toContain(':host{all:initial')
  })

  it('opens from a labelled launcher, greets, focuses the composer and closes with Escape', async () => {
    const { root } = await mount()
    const launcher = root.querySelector<HTMLButtonElement>('.launcher')!
    expect(launcher.getAttribute('aria-label')).toBe('Open chat')
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    launcher.click()
    const panel = root.querySelector<HTMLElement>('[role=dialog]')!
    expect(panel.hidden).toBe(false)
    expect(root.activeElement).toBe(root.querySelector('textarea'))
    expect(root.querySelector('[role=log]')?.textContent).toContain('Hi! How can I help?')
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(panel.hidden).toBe(true)
    expect(root.activeElement).toBe(launcher)
  })

  it('speaks Spanish when asked', async () => {
    const { root } = await mount('es')
    expect(root.querySelector('.launcher')?.getAttribute('aria-label')).toBe('Abrir chat')
    expect(root.querySelector('textarea')?.getAttribute('aria-label')).toBe('Mensaje')
    expect(root.querySelector('[role=log]')?.textContent).toContain('¡Hola!')
  })

  it('shows a sent message at once, streams the reply token by token, then shows the committed reply', async () => {
    const { root } = await mount()
    const socket = await openAndConnect(root)
    typeAndSend(root, 'when?')
    const sent = socket.sentOfType('message')[0] as { id: string }
    expect(root.querySelector('.msg.customer.sending')?.textContent).toContain('when?')

    socket.receive({ type: 'message', conversationId: 'c', seq: 1, id: 'm1', role: 'customer', text: 'when?', at: '', clientId: sent.id })
    socket.receive({ type: 'typing', conversationId: 'c', role: 'ai', active: true })
    expect(root.querySelector('.typing')?.textContent).toBe('Acme Home Services is typing…')
    socket.receive({ type: 'delta', conversationId: 'c', turnId: 't', offset: 0, text: 'At ' })
    expect(root.querySelector('.draft')?.textContent).toBe('At ')
    socket.receive({ type: 'delta', conversationId: 'c', turnId: 't', offset: 3, text: '10:00' })
    expect(root.querySelector('.draft')?.textContent).toBe('At 10:00')
    expect(root.querySelector('.typing')?.textContent).toBe('')
    socket.receive({ type: 'message', conversationId: 'c', seq: 2, id: 'm2', role: 'ai', text: 'At **10:00**', at: '', turnId: 't' })

    expect(root.querySelector('.draft')).toBeNull()
    expect(root.querySelectorAll('.msg.customer')).toHaveLength(1)
    expect(root.querySelector('.msg.ai:last-child strong')?.textContent).toBe('10:00')
  })

  it('marks a human agent message with their name', async () => {
    const { root } = await mount()
    const socket = await openAndConnect(root)
    socket.receive({ type: 'message', conversationId: 'c', seq: 1, id: 'm1', role: 'human', text: 'Soy Ana', at: '', author: 'Ana' })
    const human = root.querySelector('.msg.human')!
    expect(human.querySelector('.who')?.textContent).toBe('Ana (agent)')
  })

  it('renders HTML in a reply as text and loads no image', async () => {
    const { root } = await mount()
    const socket = await openAndConnect(root)
    socket.receive({ type: 'message', conversationId: 'c', seq: 1, id: 'm1', role: 'ai', at: '',
      text: '<img src="https://evil.example/x.png" onerror="alert(1)"> ![a](https://evil.example/y.png)' })
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('.msg.ai:last-child')?.textContent).toContain('<img src=')
  })

  it('resends unacknowledged messages under the same id after a reconnect', async () => {
    const { root } = await mount()
    const socket = await openAndConnect(root)
    typeAndSend(root, 'hola')
    const id = (socket.sentOfType('message')[0] as { id: string }).id
    socket.drop()
    await new Promise((r) => setTimeout(r, 600))
    await flush()
    const again = FakeSocket.last()
    expect(again).not.toBe(socket)
    again.open()
    expect(again.sent.map((f) => f.type)).toEqual(['hello', 'message'])
    expect((again.sentOfType('message')[0] as { id: string }).id).toBe(id)
  })

  it('refuses an over-long message in the composer with a clear alert', async () => {
    const { root } = await mount()
    const socket = await openAndConnect(root)
    typeAndSend(root, 'x'.repeat(21))
    expect(socket.sentOfType('message')).toHaveLength(0)
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Messages can have at most 20 characters.')
  })

  it('asks for a 1-5 rating when the conversation closes and sends the choice', async () => {
    const { root } = await mount()
    const socket = await openAndConnect(root)
    socket.receive({ type: 'message', conversationId: 'c', seq: 1, id: 'm1', role: 'customer', text: 'bye', at: '' })
    socket.receive({ type: 'closed', conversationId: 'c', reason: 'visitor_ended' })
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.stars button')]
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['1 out of 5', '2 out of 5', '3 out of 5', '4 out of 5', '5 out of 5'])
    buttons[3].click()
    expect(socket.sentOfType('rate')).toEqual([{ type: 'rate', conversationId: 'c', score: 4 }])
    socket.receive({ type: 'rated', conversationId: 'c', score: 4 })
    expect(root.querySelector('.rating')?.textContent).toBe('Thank you for your feedback!')
  })

  it('resumes the stored conversation at load, before the panel is opened', async () => {
    const session = new FakeSession()
    session.conversationId = 'c-7'
    await mount('en', session)
    await flush()
    FakeSocket.last().open()
    expect(FakeSocket.last().sent[0]).toMatchObject({ type: 'hello', conversationId: 'c-7', lastSeq: 0 })
  })

  it('counts replies that arrive while the panel is closed', async () => {
    const session = new FakeSession()
    session.conversationId = 'c'
    const { root } = await mount('en', session)
    await flush()
    FakeSocket.last().open()
    FakeSocket.last().receive({ type: 'message', conversationId: 'c', seq: 1, id: 'm1', role: 'ai', text: 'hi', at: '' })
    expect(root.querySelector('.badge')?.textContent).toBe('1')
    expect(root.querySelector('.launcher')?.getAttribute('aria-label')).toBe('Open chat (1 new)')
  })
})
