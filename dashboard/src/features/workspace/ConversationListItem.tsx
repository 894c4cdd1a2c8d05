import { Avatar, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { Link } from 'react-router'
import { formatRelative } from '../../lib/format'
import { useI18n } from '../../lib/i18n'
import { channelColor, contactLabel, initials, statusColor } from './labels'
import type { ConversationSummary } from './types'
import classes from './workspace.module.css'

type Props = { conversation: ConversationSummary; selected: boolean; to: string; me: string | undefined }

/** One row: who, on which channel, in which state, held by whom, and the last thing said. */
export function ConversationListItem({ conversation: c, selected, to, me }: Props) {
  const { t, language } = useI18n()
  const name = contactLabel(c.contactName, t('workspace.anonymous'))
  const preview = c.lastMessage?.text ?? ''
  const prefix = c.lastMessage && c.lastMessage.role !== 'customer' ? `${t(`role.${c.lastMessage.role}`)}: ` : ''
  const holder = c.assignee ? (c.assignee.id === me ? t('workspace.you') : c.assignee.name ?? t('workspace.formerMember')) : null
  return (
    <UnstyledButton component={Link} to={to} className={classes.item} data-selected={selected || undefined}
      aria-current={selected ? 'page' : undefined} data-testid="conversation-item" data-status={c.status}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Avatar radius="xl" size="md" color={channelColor[c.channel]} aria-hidden>{initials(name)}</Avatar>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" truncate>{name}</Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{formatRelative(c.lastMessageAt, language)}</Text>
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>{prefix}{preview}</Text>
          <Group gap={4} wrap="nowrap">
            <Badge size="xs" variant="light" color={channelColor[c.channel]}>{t(`channel.${c.channel}`)}</Badge>
            <Badge size="xs" variant={c.status === 'pending' ? 'filled' : 'light'} color={statusColor[c.status]}>{t(`status.${c.status}`)}</Badge>
            {holder && <Text size="xs" c="dimmed" truncate>· {holder}</Text>}
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  )
}
