import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { renderScreen } from '../../test/render'
import { FakeServer } from '../../test/server'
import { detail, message, summary } from './fixtures.test-data'
import { WorkspacePage } from './WorkspacePage'

function workspaceServer() {
  return new FakeServer()
    .on('GET', '/api/v1/tenants/acme/conversations', (_, query) => query.get('view') === 'mine' ? { items: [], next: null }
      : { items: [summary(), summary({ id: 'c2', contactName: 'Tom', channel: 'whatsapp' })], next: null })
    .on('GET', '/api/v1/tenants/acme/conversations/counts', () => ({ all: 2, mine: 0, unassigned: 0, ai: 2 }))
    .on('GET', '/api/v1/tenants/acme/conversations/c1', () => detail())
    .on('GET', '/api/v1/tenants/acme/conversations/c1/messages', () => ({
      items: [
        message(1),
        message(2, { role: 'tool', text: 'get_appointment: ok', content: { name: 'get_appointment', arguments: { date: '2026-05-02' }, status: 'ok', result: '{"slot":"09:00"}', latencyMs: 120 } }),
        message(3, { role: 'ai', text: 'Tu visita es mañana a las 9.' }),
        message(4, { role: 'note', text: 'VIP', author: { id: 'u2', name: 'Emma Agent' } }),
      ],
      next: null,
    }))
    .on('GET', '/api/v1/tenants/acme/agents', () => [
      { id: 'u-me', name: 'Diego Agent', email: 'd@acme.test', role: 'agent', status: 'online', openConversations: 0 },
      { id: 'u2', name: 'Emma Agent', email: 'e@acme.test', role: 'agent', status: 'away', openConversations: 2 },
    ])
    .on('GET', '/api/v1/tenants/acme/canned-replies', () => [])
}

describe('WorkspacePage', () => {
  let server: FakeServer
  beforeEach(() => {
    server = workspaceServer()
  })

  it('lists conversations and asks the server again when a filter changes', async () => {
    renderScreen(<WorkspacePage />, { server, route: '/conversations', path: '/conversations/:conversationId?' })
    expect(await screen.findByText('Lucía Pérez')).toBeInTheDocument()
    expect(screen.getByText('Tom')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('tab', { name: /Mine/ }))
    expect(await screen.findByText('No conversations here')).toBeInTheDocument()
    const asked = server.calls.filter((c) => c.path === '/api/v1/tenants/acme/conversations').map((c) => c.query.get('view'))
    expect(asked).toEqual(['all', 'mine'])
  })

  it('shows the thread with AI, tool, customer and note messages, and expands a tool call', async () => {
    renderScreen(<WorkspacePage />, { server, route: '/conversations/c1', path: '/conversations/:conversationId?' })
    const thread = await screen.findByTestId('thread')
    expect(await within(thread).findByText('Tu visita es mañana a las 9.')).toBeInTheDocument()
    expect(within(thread).getByText('Private note by Emma Agent', { exact: false })).toBeInTheDocument()
    const tool = within(thread).getByRole('button', { name: /get_appointment/ })
    expect(tool).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(tool)
    expect(tool).toHaveAttribute('aria-expanded', 'true')
    expect(within(thread).getByText(/"date": "2026-05-02"/)).toBeInTheDocument()
    expect(screen.getByTestId('thread-channel')).toHaveTextContent('Web chat')
  })

  it('updates a conversation live and announces a new message to screen readers', async () => {
    const { live } = renderScreen(<WorkspacePage />, { server, route: '/conversations/c1', path: '/conversations/:conversationId?' })
    await screen.findByTestId('thread')
    await waitFor(() => expect(live.sent).toContainEqual({ type: 'subscribe', tenant: 'acme', conversation: 'c1' }))
    const handedOff = { status: 'pending' as const, owner: 'human' as const, handoffReason: 'customer_asked_for_human' }
    server.on('GET', '/api/v1/tenants/acme/conversations/c1', () => detail(handedOff))
    live.push({ type: 'conversation', tenant: 'acme', conversation: summary(handedOff) })
    await waitFor(() => expect(screen.getByTestId('thread-status')).toHaveTextContent('Pending'))
    live.push({ type: 'message', tenant: 'acme', message: message(5, { text: '¿Hay alguien ahí?' }) })
    expect(await screen.findByText('¿Hay alguien ahí?')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('New message from Customer: ¿Hay alguien ahí?')
  })

  it('takes over with one click and says who holds it when someone was faster', async () => {
    server.on('POST', '/api/v1/tenants/acme/conversations/c1/take', () => ({
      status: 409, body: { title: 'Conflict', status: 409, detail: 'Emma Agent already holds this conversation', code: 'conversation_held', holder: { id: 'u2', name: 'Emma Agent' } },
    }))
    renderScreen(<WorkspacePage />, { server, route: '/conversations/c1', path: '/conversations/:conversationId?' })
    const header = await screen.findByTestId('thread-header')
    await userEvent.click(within(header).getByRole('button', { name: 'Take over' }))
    expect(await screen.findByText('Emma Agent already holds this conversation')).toBeInTheDocument()
  })
})
