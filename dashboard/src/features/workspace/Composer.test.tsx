import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderScreen } from '../../test/render'
import { FakeServer } from '../../test/server'
import { Composer } from './Composer'
import { message } from './fixtures.test-data'

const variables = { 'contact.name': 'Lucía', 'agent.name': 'Diego Agent', 'tenant.name': 'Acme Home Services' }

function server() {
  return new FakeServer()
    .on('GET', '/api/v1/tenants/acme/canned-replies', () => [
      { id: 'r1', shortcut: 'hola', title: 'Saludo', body: 'Hola {{contact.name}}, soy {{agent.name}}.' },
      { id: 'r2', shortcut: 'bye', title: 'Goodbye', body: 'Bye!' },
    ])
    .on('POST', '/api/v1/tenants/acme/conversations/c1/messages', (call) => message(9, { role: (call.body as { note: boolean }).note ? 'note' : 'human', text: (call.body as { text: string }).text }))
}

describe('Composer', () => {
  it('inserts a canned reply typed as /shortcut with its variables filled, and sends it with Ctrl+Enter', async () => {
    const fake = server()
    renderScreen(<Composer slug="acme" conversationId="c1" canReply canTake={false} holder={null} closed={false} variables={variables} onTakeOver={() => {}} />, { server: fake })
    const box = await screen.findByLabelText('Reply to the customer')
    await userEvent.type(box, '/hol')
    await userEvent.click(await screen.findByText('/hola · Saludo'))
    expect(box).toHaveValue('Hola Lucía, soy Diego Agent.')
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(fake.bodies('POST', '/api/v1/tenants/acme/conversations/c1/messages'))
      .toEqual([{ text: 'Hola Lucía, soy Diego Agent.', note: false }]))
    await waitFor(() => expect(box).toHaveValue(''))
  })

  it('writes private notes even when the agent does not hold the conversation', async () => {
    const fake = server()
    renderScreen(<Composer slug="acme" conversationId="c1" canReply={false} canTake holder={null} closed={false} variables={variables} onTakeOver={() => {}} />, { server: fake })
    expect(await screen.findByLabelText('Reply to the customer')).toBeDisabled()
    expect(screen.getByText('Take over this conversation to reply to the customer.')).toBeInTheDocument()
    await userEvent.click(screen.getByText('Private note'))
    const note = screen.getByLabelText('Private note (only agents see it)')
    await userEvent.type(note, 'check the invoice')
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }))
    await waitFor(() => expect(fake.bodies('POST', '/api/v1/tenants/acme/conversations/c1/messages'))
      .toEqual([{ text: 'check the invoice', note: true }]))
  })

  it('shows why a reply was refused', async () => {
    const fake = server().on('POST', '/api/v1/tenants/acme/conversations/c1/messages', () => ({
      status: 409, body: { title: 'Conflict', status: 409, detail: 'Emma Agent already holds this conversation' },
    }))
    renderScreen(<Composer slug="acme" conversationId="c1" canReply canTake={false} holder={null} closed={false} variables={variables} onTakeOver={() => {}} />, { server: fake })
    await userEvent.type(await screen.findByLabelText('Reply to the customer'), 'hello')
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Emma Agent already holds this conversation')
  })
})
