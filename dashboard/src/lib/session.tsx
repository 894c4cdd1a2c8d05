import { useQuery } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { api } from './api'

export type TenantAccess = { id: string; slug: string; name: string; role: 'owner' | 'admin' | 'agent' }
export type Me = { id: string; email: string; displayName: string; platformOperator: boolean; tenants: TenantAccess[] }

type Session = {
  signedIn: boolean
  me: Me | undefined
  tenant: TenantAccess | undefined
  selectTenant: (slug: string) => void
}

const SessionContext = createContext<Session | null>(null)
const TENANT_KEY = 'switchboard.tenant'

export function SessionProvider({ children }: { children: ReactNode }) {
  const [signedIn, setSignedIn] = useState(api.hasSession)
  const [slug, setSlug] = useState<string | null>(() => window.localStorage.getItem(TENANT_KEY))
  useEffect(() => api.onSessionChange(setSignedIn), [])
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/api/v1/me'), enabled: signedIn })
  const tenants = me.data?.tenants ?? []
  const tenant = tenants.find((t) => t.slug === slug) ?? tenants[0]
  const selectTenant = (next: string) => {
    window.localStorage.setItem(TENANT_KEY, next)
    setSlug(next)
  }
  return (
    <SessionContext.Provider value={{ signedIn, me: me.data, tenant, selectTenant }}>{children}</SessionContext.Provider>
  )
}

export function useSession(): Session {
  const context = useContext(SessionContext)
  if (!context) throw new Error('useSession outside SessionProvider')
  return context
}
