import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderScreen, type Role } from '../../test/render'
import { FakeServer } from '../../test/server'
import { AgentConfigPage } from './AgentConfigPage'

function setting(key: string, value: unknown, override = false) {
  return {
    key, description: key, value, directoryValue: value, source: override ? 'override' : 'directory',
    version: override ? 7 : null, changedBy: override ? 'u-ana' : null, changedAt: override ? '2026-05-01T10:00:00Z' : null,
  }
}

const settings = [
  setting('agent.provider', 'anthropic'), setting('agent.model', 'claude-haiku-4-5'), setting('agent.fallbackModel', null),
  setting('agent.fallbackToFlow', true), setting('agent.temperature', 0.3), setting('agent.maxTokens', 1024, true),
  setting('agent.sessionExpiryMinutes', 30), setting('agent.greeting', { en: 'Hi!', es: '¡Hola!' }),
  setting('agent.systemPrompt', 'You are Acme.'), setting('agent.enabledTools', ['get_appointment', 'handoff_to_human']),
  setting('workspace.autoAssign', true), setting('workspace.agentCapacity', 5),
]

function server() {
  return new FakeServer()
    .on('GET', '/api/v1/tenants/acme/config', () => ({ settings }))
    .on('GET', '/api/v1/tenants/acme', () => ({
      slug: 'acme', name: 'Acme Home Services', languages: ['es', 'en'],
      tools: [{ name: 'get_appointment', description: 'Finds the visit', parameters: { type: 'object', properties: { date: { type: 'string' } } } },
        { name: 'cancel_services', description: 'Cancels', parameters: { type: 'object' } }],
    }))
    .on('GET', '/api/v1/tenants/acme/config/history', () => [
      { version: 7, key: 'agent.maxTokens', oldValue: null, newValue: 1024, changedBy: 'u-ana', changedAt: '2026-05-01T10:00:00Z', revertedVersion: null },
    ])
    .on('GET', '/api/v1/tenants/acme/agents', () => [{ id: 'u-ana', name: 'Ana Admin' }])
}

function open(role: Role, fake = server()) {
  renderScreen(<AgentConfigPage />, { server: fake, role })
  return fake
}

describe('AgentConfigPage', () => {
  it('says where each value comes from and lists tenant and built-in tools', async () => {
    open('owner')
    expect(await screen.findByTestId('source-agent.temperature')).toHaveTextContent('Tenant directory')
    expect(screen.getByTestId('source-agent.maxTokens')).toHaveTextContent('Override v7')
    expect(screen.getByLabelText('Enable get_appointment')).toBeChecked()
    expect(screen.getByLabelText('Enable cancel_services')).not.toBeChecked()
    expect(screen.getByText('handoff_to_human')).toBeInTheDocument()
    expect(within(screen.getByTestId('config-history')).getByText(/Ana Admin/)).toBeInTheDocument()
  })

  it('saves only what changed, all at once', async () => {
    const fake = open('admin').on('PATCH', '/api/v1/tenants/acme/config', () => ({ settings }))
    const temperature = await screen.findByLabelText('Temperature')
    await userEvent.clear(temperature)
    await userEvent.type(temperature, '0.7')
    await userEvent.click(screen.getByLabelText('Enable cancel_services'))
    expect(screen.getByText('2 unsaved change(s)')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(fake.bodies('PATCH', '/api/v1/tenants/acme/config')).toEqual([
      { 'agent.temperature': 0.7, 'agent.enabledTools': ['get_appointment', 'handoff_to_human', 'cancel_services'] },
    ]))
  })

  it('shows the server\'s validation message next to the field', async () => {
    open('owner').on('PATCH', '/api/v1/tenants/acme/config', () => ({
      status: 400, body: { title: 'Invalid request', status: 400, detail: 'invalid settings', errors: [{ field: 'agent.greeting', message: 'must not be empty' }] },
    }))
    const english = await screen.findByLabelText('Greeting (English)')
    await userEvent.clear(english)
    await userEvent.type(english, 'Hello there')
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByTestId('error-agent.greeting')).toHaveTextContent('must not be empty')
  })

  it('lets agents read but not change anything', async () => {
    open('agent')
    expect(await screen.findByText('You can see this configuration; admins and owners can change it.')).toBeInTheDocument()
    expect(screen.getByLabelText('Temperature')).toBeDisabled()
    expect(screen.getByLabelText('Greeting (English)')).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Revert' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Use directory value' })).not.toBeInTheDocument()
  })

  it('reverts a version from the history', async () => {
    const fake = open('owner').on('POST', '/api/v1/tenants/acme/config/history/7/revert', () => ({ version: 8 }))
    await userEvent.click(await screen.findByRole('button', { name: 'Revert' }))
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'POST' && c.path.endsWith('/history/7/revert'))).toBe(true))
  })
})
