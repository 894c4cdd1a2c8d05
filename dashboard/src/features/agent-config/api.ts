import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api'

// Screen 04's API: the effective settings with their source, the tenant's tools, and the change history
// (see TenantConfigController and TenantController on the server).

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

export type Setting = {
  key: string
  description: string
  value: Json
  source: 'directory' | 'override'
  directoryValue: Json
  version: number | null
  changedBy: string | null
  changedAt: string | null
}

export type ConfigChange = {
  version: number
  key: string
  oldValue: Json | null
  newValue: Json | null
  changedBy: string | null
  changedAt: string
  revertedVersion: number | null
}

export type Tool = { name: string; description: string; parameters: Json }
export type TenantView = { slug: string; name: string; languages: string[]; tools: Tool[] }
export type Member = { id: string; name: string }

const base = (slug: string) => `/api/v1/tenants/${encodeURIComponent(slug)}`
const keys = {
  config: (slug: string) => ['agent-config', slug, 'config'] as const,
  history: (slug: string) => ['agent-config', slug, 'history'] as const,
  tenant: (slug: string) => ['agent-config', slug, 'tenant'] as const,
  people: (slug: string) => ['agent-config', slug, 'people'] as const,
}

export function useConfig(slug: string) {
  return useQuery({ queryKey: keys.config(slug), queryFn: () => api.get<{ settings: Setting[] }>(`${base(slug)}/config`) })
}

export function useTenant(slug: string) {
  return useQuery({ queryKey: keys.tenant(slug), queryFn: () => api.get<TenantView>(base(slug)) })
}

export function useHistory(slug: string) {
  return useQuery({ queryKey: keys.history(slug), queryFn: () => api.get<ConfigChange[]>(`${base(slug)}/config/history?limit=50`) })
}

/** Names for the "changed by" ids. */
export function usePeople(slug: string) {
  return useQuery({
    queryKey: keys.people(slug),
    queryFn: () => api.get<Member[]>(`${base(slug)}/agents`),
    select: (people) => new Map(people.map((p) => [p.id, p.name])),
    staleTime: 300_000,
  })
}

function useRefresh(slug: string) {
  const client = useQueryClient()
  return () => Promise.all([
    client.invalidateQueries({ queryKey: keys.config(slug) }),
    client.invalidateQueries({ queryKey: keys.history(slug) }),
  ])
}

/** All the changes at once, or none (the server validates every value before storing any). */
export function useSaveConfig(slug: string) {
  const client = useQueryClient()
  const refresh = useRefresh(slug)
  return useMutation({
    mutationFn: (changes: Record<string, Json>) => api.patch<{ settings: Setting[] }>(`${base(slug)}/config`, changes),
    onSuccess: (view) => {
      client.setQueryData(keys.config(slug), view)
      return refresh()
    },
  })
}

/** Drops an override: the tenant directory's value applies again. */
export function useResetSetting(slug: string) {
  const refresh = useRefresh(slug)
  return useMutation({ mutationFn: (key: string) => api.delete<void>(`${base(slug)}/config/${encodeURIComponent(key)}`), onSuccess: refresh })
}

export function useRevert(slug: string) {
  const refresh = useRefresh(slug)
  return useMutation({ mutationFn: (version: number) => api.post<ConfigChange>(`${base(slug)}/config/history/${version}/revert`), onSuccess: refresh })
}
