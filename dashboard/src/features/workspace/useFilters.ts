import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { Filters } from './types'

const STATUSES = ['active', 'inactive'] as const
const VIEWS = ['all', 'mine', 'unassigned', 'ai'] as const
const CHANNELS = ['', 'webchat', 'whatsapp', 'voice'] as const

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

/** The list's filters live in the URL, so a reload or a shared link shows the same list. */
export function useFilters(): [Filters, (change: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo<Filters>(() => ({
    status: oneOf(params.get('status'), STATUSES, 'active'),
    view: oneOf(params.get('view'), VIEWS, 'all'),
    channel: oneOf(params.get('channel'), CHANNELS, ''),
    q: params.get('q') ?? '',
  }), [params])
  const update = useCallback((change: Partial<Filters>) => {
    setParams((current) => {
      const next = new URLSearchParams(current)
      for (const [key, value] of Object.entries(change)) {
        if (value) next.set(key, value)
        else next.delete(key)
      }
      return next
    }, { replace: true })
  }, [setParams])
  return [filters, update]
}
