import { Badge, Button, Card, Group, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core'
import { formatDateTime } from '../../lib/format'
import { useI18n } from '../../lib/i18n'
import type { ConfigChange, Json } from './api'

function summary(value: Json | null): string {
  if (value === null || value === undefined) return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

type Props = {
  changes: ConfigChange[] | undefined
  people: Map<string, string> | undefined
  labelOf: (key: string) => string
  readOnly: boolean
  reverting: number | null
  onRevert: (version: number) => void
}

/** Every saved change, newest first: what, from what to what, who, when; admins can undo any of them. */
export function HistoryPanel({ changes, people, labelOf, readOnly, reverting, onRevert }: Props) {
  const { t, language } = useI18n()
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('config.history.title')}</Title>
      <ScrollArea.Autosize mah="70vh" type="auto">
        <Stack gap="sm" data-testid="config-history">
          {changes?.length === 0 && <Text size="sm" c="dimmed">{t('config.history.empty')}</Text>}
          {changes?.map((change) => (
            <Stack key={change.version} gap={2} pb="xs" data-testid={`history-v${change.version}`} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="outline">v{change.version}</Badge>
                  <Text size="sm" fw={500}>{labelOf(change.key)}</Text>
                </Group>
                {!readOnly && (
                  <Tooltip label={t('config.history.revertHint')}>
                    <Button size="compact-xs" variant="subtle" loading={reverting === change.version} onClick={() => onRevert(change.version)}>
                      {t('config.history.revert')}
                    </Button>
                  </Tooltip>
                )}
              </Group>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {change.oldValue === null ? t('config.history.directoryValue') : summary(change.oldValue)} → {change.newValue === null ? t('config.history.directoryValue') : summary(change.newValue)}
              </Text>
              <Text size="xs" c="dimmed">
                {change.changedBy ? people?.get(change.changedBy) ?? t('config.someone') : t('config.someone')} · {formatDateTime(change.changedAt, language)}
                {change.revertedVersion != null ? ` · ${t('config.history.reverts', { version: change.revertedVersion })}` : ''}
              </Text>
            </Stack>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Card>
  )
}
