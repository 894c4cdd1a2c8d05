import type { AuditEntry } from './types'

type Translate = (key: string, vars?: Record<string, string | number>) => string

/** "Diego Agent took over", "The AI asked for a human", "Offered to Emma Agent automatically". */
export function describeAudit(entry: AuditEntry, t: Translate): string {
  const actor = entry.actor ? entry.actor.name ?? t('workspace.formerMember')
    : entry.change === 'handoff_requested' ? t('role.ai') : t('audit.platform')
  const assignee = entry.assignee?.name ?? t('workspace.formerMember')
  const key = `audit.change.${entry.change}`
  const text = t(key, { actor, assignee })
  return text === key ? t('audit.change.other', { actor, change: entry.change }) : text
}

/** A handoff or close reason in words; reasons the locale does not know are shown as written. */
export function reasonLabel(reason: string, t: Translate): string {
  const key = `reason.${reason}`
  const text = t(key)
  return text === key ? reason.replaceAll('_', ' ') : text
}
