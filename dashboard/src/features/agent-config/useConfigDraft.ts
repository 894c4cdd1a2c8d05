import { useCallback, useMemo, useState } from 'react'
import type { Json, Setting } from './api'

export type Draft = {
  value: (key: string) => Json | undefined
  set: (key: string, value: Json) => void
  dirty: string[]
  changes: () => Record<string, Json>
  discard: () => void
}

/** Structural equality for JSON values; object key order does not matter. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
  const ak = Object.keys(a)
  const bk = Object.keys(b)
  const ao = a as Record<string, Json>
  const bo = b as Record<string, Json>
  return ak.length === bk.length && ak.every((k) => sameJson(ao[k], bo[k]))
}

/** The edits not saved yet, over the effective settings; a value edited back to what it was is not dirty. */
export function useConfigDraft(settings: Setting[] | undefined): Draft {
  const [edits, setEdits] = useState<Record<string, Json>>({})
  const effective = useMemo(() => new Map((settings ?? []).map((s) => [s.key, s.value])), [settings])
  const dirty = useMemo(() => Object.keys(edits).filter((k) => !sameJson(edits[k], effective.get(k))), [edits, effective])
  const value = useCallback((key: string) => (key in edits ? edits[key] : effective.get(key)), [edits, effective])
  const set = useCallback((key: string, v: Json) => setEdits((current) => ({ ...current, [key]: v })), [])
  const changes = useCallback(() => Object.fromEntries(dirty.map((k) => [k, edits[k]])), [dirty, edits])
  const discard = useCallback(() => setEdits({}), [])
  return { value, set, dirty, changes, discard }
}
