import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { vi } from 'vitest'
import { I18nProvider } from '../lib/i18n'
import { LiveConnection } from '../lib/live'
import { LiveProvider } from '../lib/liveContext'
import { SessionProvider } from '../lib/session'
import { FakeServer } from './server'

export type Role = 'owner' | 'admin' | 'agent'

/** A signed-in member of the Acme tenant, as /api/v1/me describes them. */
export function me(role: Role = 'agent') {
  return {
    id: 'u-me', email: 'me@acme.test', displayName: 'Diego Agent', platformOperator: false,
    tenants: [{ id: 't-acme', slug: 'acme', name: 'Acme Home Services', role }],
  }
}

/** A live connection whose socket the test drives: {@code push} delivers a server event. */
export function fakeLive() {
  type Socket = {
    readyState: number
    send: (d: string) => void
    close: () => void
    onopen: ((e: unknown) => void) | null
    onmessage: ((e: { data: unknown }) => void) | null
    onclose: ((e: { code: number }) => void) | null
    onerror: ((e: unknown) => void) | null
  }
  let socket: Socket | null = null
  const sent: unknown[] = []
  const connection = new LiveConnection({
    url: 'ws://test/ws/workspace',
    token: async () => 'access',
    createSocket: () => {
      const s: Socket = { readyState: 1, send: (d: string) => sent.push(JSON.parse(d)), close: () => undefined, onopen: null, onmessage: null, onclose: null, onerror: null }
      socket = s
      queueMicrotask(async () => {
        await s.onopen?.({})
        s.onmessage?.({ data: JSON.stringify({ type: 'ready', userId: 'u-me' }) })
      })
      return s
    },
  })
  return {
    connection,
    sent,
    push: (event: object) => socket?.onmessage?.({ data: JSON.stringify(event) }),
  }
}

type Options = { server: FakeServer; route?: string; path?: string; role?: Role; live?: ReturnType<typeof fakeLive> }

/** Renders a screen inside every provider the app has, against the fake server, signed in. */
export function renderScreen(ui: ReactNode, { server, route = '/', path = '/', role = 'agent', live = fakeLive() }: Options) {
  window.localStorage.clear()
  window.localStorage.setItem('switchboard.refreshToken', 'refresh')
  window.localStorage.setItem('switchboard.language', 'en')
  server.on('GET', '/api/v1/me', () => me(role))
  vi.stubGlobal('fetch', server.fetch)
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const result = render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={client}>
        <I18nProvider>
          <SessionProvider>
            <LiveProvider connection={live.connection}>
              <MemoryRouter initialEntries={[route]}>
                <Routes>
                  <Route path={path} element={ui} />
                </Routes>
              </MemoryRouter>
            </LiveProvider>
          </SessionProvider>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>,
  )
  return { ...result, live, client }
}
