import type { CannedReply } from './types'

export type Variables = { 'contact.name': string; 'agent.name': string; 'tenant.name': string }

/**
 * Fills {{contact.name}}, {{agent.name}} and {{tenant.name}}. An unknown variable is left as written, so the
 * agent sees it before sending rather than a silent gap; a known one without a value becomes empty.
 */
export function fillVariables(body: string, variables: Variables): string {
  return body.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g, (whole, name: string) =>
    name in variables ? variables[name as keyof Variables] : whole)
}

/** What follows a leading "/" while the agent is still typing a shortcut ("/hol" -> "hol"), else null. */
export function slashQuery(text: string): string | null {
  const match = /^\/([a-z0-9_-]*)$/i.exec(text)
  return match ? match[1].toLowerCase() : null
}

export function matching(replies: CannedReply[], query: string): CannedReply[] {
  const q = query.toLowerCase()
  return replies.filter((r) => r.shortcut.includes(q) || r.title.toLowerCase().includes(q))
    .sort((a, b) => Number(b.shortcut.startsWith(q)) - Number(a.shortcut.startsWith(q)) || a.shortcut.localeCompare(b.shortcut))
}
