import { describe, expect, it } from 'vitest'
import en from './en.json'
import es from './es.json'

const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>

/** Keys built at run time from a value the server sends; each value must have its entry. */
const DYNAMIC: Record<string, string[]> = {
  'channel.': ['webchat', 'whatsapp', 'voice'],
  'status.': ['active', 'pending', 'human', 'closed'],
  'role.': ['customer', 'ai', 'human', 'tool', 'system', 'note'],
  'presence.': ['online', 'away', 'offline'],
  'delivery.': ['queued', 'sent', 'delivered', 'read', 'failed'],
  'workspace.view.': ['all', 'mine', 'unassigned', 'ai'],
  'workspace.list.emptyHint.': ['all', 'mine', 'unassigned', 'ai'],
  'tool.status.': ['ok', 'pending', 'running', 'error', 'refused', 'unknown'],
  'audit.change.': ['handoff_requested', 'assigned', 'unassigned', 'taken', 'reassigned', 'returned_to_ai', 'closed', 'rated', 'other'],
  'live.': ['open', 'connecting', 'offline', 'open.hint', 'connecting.hint', 'offline.hint'],
  'language.': ['en', 'es'],
  'config.provider.': ['anthropic', 'openai-compatible', 'offline'],
}

describe('locales', () => {
  it('have the same keys in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort())
  })

  it('translate every key the code asks for', () => {
    const used = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1])
      for (const match of text.matchAll(/label: '([a-z]+\.[\w.]+)'/g)) used.add(match[1])
    }
    for (const [prefix, values] of Object.entries(DYNAMIC)) values.forEach((v) => used.add(prefix + v))
    const missing = [...used].filter((key) => !(key in en))
    expect(missing).toEqual([])
  })

  it('leave no entry empty', () => {
    expect(Object.entries({ ...en, ...es }).filter(([, v]) => !String(v).trim())).toEqual([])
  })
})
