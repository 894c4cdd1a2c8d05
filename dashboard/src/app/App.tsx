import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { Shell } from '../components/Shell'
import { LoginPage } from '../features/auth/LoginPage'
import { HomePage } from '../features/home/HomePage'
import { I18nProvider } from '../lib/i18n'
import { LiveProvider } from '../lib/liveContext'
import { SessionProvider } from '../lib/session'

// Each screen loads when first opened, so signing in does not wait for all of them.
const WorkspacePage = lazy(() => import('../features/workspace/WorkspacePage').then((m) => ({ default: m.WorkspacePage })))
const AgentConfigPage = lazy(() => import('../features/agent-config/AgentConfigPage').then((m) => ({ default: m.AgentConfigPage })))
const CannedRepliesPage = lazy(() => import('../features/canned-replies/CannedRepliesPage').then((m) => ({ default: m.CannedRepliesPage })))

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000 } } })

export function App() {
  return (
    <MantineProvider defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <SessionProvider>
            <LiveProvider>
              <BrowserRouter basename="/app">
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route element={<Shell />}>
                    <Route index element={<HomePage />} />
                    <Route path="/conversations/:conversationId?" element={<WorkspacePage />} />
                    <Route path="/agent" element={<AgentConfigPage />} />
                    <Route path="/canned-replies" element={<CannedRepliesPage />} />
                  </Route>
                </Routes>
              </BrowserRouter>
            </LiveProvider>
          </SessionProvider>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  )
}
