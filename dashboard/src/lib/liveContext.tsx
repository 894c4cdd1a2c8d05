import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { api } from './api'
import { LiveConnection, liveUrl, type LiveEvent, type LiveStatus } from './live'
import { useSession } from './session'

const LiveContext = createContext<LiveConnection | null>(null)

/** After this long without keyboard, mouse or touch input the user shows as away. */
export const IDLE_AFTER_MS = 5 * 60_000
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'focus'] as const

/** One live connection for the whole dashboard while signed in; it also reports whether the user is idle. */
export function LiveProvider({ children, connection }: { children: ReactNode; connection?: LiveConnection }) {
  const { signedIn } = useSession()
  const [live] = useState(() => connection ?? new LiveConnection({ url: liveUrl(), token: (force) => api.freshToken(force) }))

  useEffect(() => {
    if (!signedIn) return
    live.start()
    return () => live.stop()
  }, [live, signedIn])

  useEffect(() => {
    let lastActivity = Date.now()
    const active = () => {
      lastActivity = Date.now()
      live.setIdle(false)
    }
    ACTIVITY.forEach((name) => window.addEventListener(name, active, { passive: true }))
    const timer = setInterval(() => live.setIdle(Date.now() - lastActivity > IDLE_AFTER_MS), 15_000)
    return () => {
      ACTIVITY.forEach((name) => window.removeEventListener(name, active))
      clearInterval(timer)
    }
  }, [live])

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>
}

function useLive(): LiveConnection {
  const live = useContext(LiveContext)
  if (!live) throw new Error('useLive outside LiveProvider')
  return live
}

/**
 * Receives the live events of a tenant (and of one conversation's messages when given) while mounted. The
 * listener may change on every render without resubscribing.
 */
export function useLiveEvents(tenant: string | undefined, conversation: string | undefined, listener: (event: LiveEvent) => void) {
  const live = useLive()
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => live.onEvent((event) => latest.current(event)), [live])
  useEffect(() => (tenant ? live.subscribe(tenant) : undefined), [live, tenant])
  useEffect(() => (tenant && conversation ? live.subscribe(tenant, conversation) : undefined), [live, tenant, conversation])
}

/** The connection's state; a store subscription, so a change between render and effect is never missed. */
export function useLiveStatus(): LiveStatus {
  const live = useLive()
  const subscribe = useCallback((onChange: () => void) => live.onStatus(onChange), [live])
  return useSyncExternalStore(subscribe, () => live.status)
}
