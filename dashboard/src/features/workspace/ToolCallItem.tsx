import { Badge, Code, Collapse, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconChevronDown, IconChevronRight, IconTool } from '@tabler/icons-react'
import { useId } from 'react'
import { useI18n } from '../../lib/i18n'
import type { Message } from './types'

const outcomeColor: Record<string, string> = { ok: 'teal', pending: 'gray', running: 'blue', error: 'red', refused: 'orange', unknown: 'yellow' }

function pretty(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2)
}

/** A tool call the AI made: one line with its outcome; expanded, the arguments it sent and what came back. */
export function ToolCallItem({ message }: { message: Message }) {
  const { t } = useI18n()
  const [opened, { toggle }] = useDisclosure(false)
  const detailsId = useId()
  const c = message.content as { name?: string; arguments?: unknown; status?: string; result?: string; display?: string; data?: unknown; error?: string; latencyMs?: number }
  const status = c.status ?? 'pending'
  return (
    <Paper withBorder radius="md" px="sm" py={6} maw="min(90%, 680px)" data-testid="tool-call">
      <UnstyledButton onClick={toggle} aria-expanded={opened} aria-controls={detailsId} w="100%">
        <Group gap="xs" wrap="nowrap">
          {opened ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          <IconTool size={14} aria-hidden />
          <Text size="sm" ff="monospace" fw={600}>{c.name ?? message.text}</Text>
          <Badge size="xs" variant="light" color={outcomeColor[status] ?? 'gray'}>{t(`tool.status.${status}`)}</Badge>
          {c.latencyMs != null && <Text size="xs" c="dimmed">{c.latencyMs} ms</Text>}
          {!opened && c.display && <Text size="xs" c="dimmed" truncate>{c.display}</Text>}
        </Group>
      </UnstyledButton>
      <Collapse expanded={opened}>
        <Stack gap={6} mt="xs" id={detailsId}>
          <Text size="xs" fw={600}>{t('tool.arguments')}</Text>
          <Code block>{pretty(c.arguments)}</Code>
          <Text size="xs" fw={600}>{c.error ? t('tool.error') : t('tool.result')}</Text>
          <Code block color={c.error ? 'red' : undefined}>{pretty(c.error ?? c.result ?? c.data)}</Code>
          {c.display && (
            <>
              <Text size="xs" fw={600}>{t('tool.display')}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.display}</Text>
            </>
          )}
        </Stack>
      </Collapse>
    </Paper>
  )
}
