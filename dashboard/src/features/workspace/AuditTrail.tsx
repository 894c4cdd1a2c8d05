import { Badge, Group, Text, Timeline } from '@mantine/core'
import { formatDateTime } from '../../lib/format'
import { useI18n } from '../../lib/i18n'
import { describeAudit, reasonLabel } from './audit'
import { statusColor } from './labels'
import type { AuditEntry } from './types'

/** Every change of the conversation's state, oldest first: who, when, from which state to which, and why. */
export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  const { t, language } = useI18n()
  if (entries.length === 0) return <Text size="sm" c="dimmed">{t('audit.none')}</Text>
  return (
    <Timeline active={entries.length - 1} bulletSize={12} lineWidth={2} data-testid="audit-trail">
      {entries.map((entry) => (
        <Timeline.Item key={entry.id} title={<Text size="sm" fw={500}>{describeAudit(entry, t)}</Text>}>
          <Group gap={4} mt={2}>
            <Badge size="xs" variant="light" color={statusColor[entry.from]}>{t(`status.${entry.from}`)}</Badge>
            <Text size="xs" aria-hidden>→</Text>
            <Badge size="xs" variant="light" color={statusColor[entry.to]}>{t(`status.${entry.to}`)}</Badge>
          </Group>
          {entry.reason && <Text size="xs" c="dimmed">{t('audit.reason', { reason: reasonLabel(entry.reason, t) })}</Text>}
          <Text size="xs" c="dimmed">{formatDateTime(entry.at, language)}</Text>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
