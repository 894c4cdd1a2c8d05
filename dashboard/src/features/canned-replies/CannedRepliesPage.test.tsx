import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderScreen } from '../../test/render'
import { FakeServer } from '../../test/server'
import { CannedRepliesPage } from './CannedRepliesPage'

const hola = { id: 'r1', shortcut: 'hola', title: 'Saludo', body: 'Hola {{contact.name}}', updatedBy: null, updatedAt: '2026-05-01T10:00:00Z' }

describe('CannedRepliesPage', () => {
  it('lets admins add a reply and shows a refused shortcut next to its field', async () => {
    const fake = new FakeServer()
      .on('GET', '/api/v1/tenants/acme/canned-replies', () => [hola])
      .on('POST', '/api/v1/tenants/acme/canned-replies', () => ({
        status: 400, body: { title: 'Invalid request', status: 400, errors: [{ field: 'shortcut', message: 'is already used by another canned reply' }] },
      }))
    renderScreen(<CannedRepliesPage />, { server: fake, role: 'admin' })
    expect(await screen.findByText('/hola')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'New canned reply' }))
    await userEvent.type(await screen.findByLabelText(/Shortcut/), 'hola')
    await userEvent.type(screen.getByLabelText(/Title/), 'Again')
    await userEvent.type(screen.getByLabelText(/Text/), 'Hi')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('is already used by another canned reply')).toBeInTheDocument()
    await waitFor(() => expect(fake.bodies('POST', '/api/v1/tenants/acme/canned-replies')).toEqual([{ shortcut: 'hola', title: 'Again', body: 'Hi' }]))
  })

  it('shows agents the replies without the means to change them', async () => {
    renderScreen(<CannedRepliesPage />, { server: new FakeServer().on('GET', '/api/v1/tenants/acme/canned-replies', () => [hola]), role: 'agent' })
    expect(await screen.findByText('/hola')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'New canned reply' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit /hola' })).not.toBeInTheDocument()
  })
})
