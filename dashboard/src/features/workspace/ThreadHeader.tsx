import { ActionIcon, Badge, Button, Group, Menu, Text, Title, Tooltip } from '@mantine/core'
import { IconArrowBackUp, IconHandGrab, IconLayoutSidebarRight, IconSwitchHorizontal, IconX } from '@tabler/icons-react'
import { useI18n } from '../../lib/i18n'
import type { Action } from './api'
import { channelColor, contactLabel, presenceColor, statusColor } from './labels'
import type { Allowed } from './permissions'
import type { Agent, ConversationSummary } from './types'

type Props = {
  conversation: ConversationSummary
  allowed: Allowed
  agents: Agent[] | undefined
  me: string | undefined
  busy: boolean
  onAction: (action: Action) => void
  onTogglePanel?: () => void
}

/** The conversation's name, channel and state, and the one-click actions the agent may take. */
export function ThreadHeader({ conversation: c, allowed, agents, me, busy, onAction, onTogglePanel }: Props) {
  const { t } = useI18n()
  const holder = c.assignee ? (c.assignee.id === me ? t('workspace.you') : c.assignee.name ?? t('workspace.formerMember')) : null
  return (
    <Group justify="space-between" p="sm" gap="xs" data-testid="thread-header" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <div style={{ minWidth: 0, flex: '1 1 220px' }}>
        <Title order={3} size="h4" lineClamp={1}>{contactLabel(c.contactName, t('workspace.anonymous'))}</Title>
        <Group gap={6} wrap="nowrap">
          <Badge size="sm" variant="light" color={channelColor[c.channel]} data-testid="thread-channel" style={{ flexShrink: 0 }}>{t(`channel.${c.channel}`)}</Badge>
          <Badge size="sm" color={statusColor[c.status]} data-testid="thread-status" style={{ flexShrink: 0 }}>{t(`status.${c.status}`)}</Badge>
          {holder && <Text size="xs" c="dimmed" truncate>{c.status === 'pending' ? t('workspace.offeredTo', { name: holder }) : t('workspace.heldBy', { name: holder })}</Text>}
        </Group>
      </div>
      <Group gap="xs" wrap="nowrap" ml="auto">
        {allowed.take && (
          <Button size="xs" leftSection={<IconHandGrab size={14} aria-hidden />} loading={busy} onClick={() => onAction({ kind: 'take' })}>
            {t('actions.take')}
          </Button>
        )}
        {allowed.returnToAi && (
          <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={14} aria-hidden />} disabled={busy}
            onClick={() => onAction({ kind: 'return-to-ai' })}>
            {t('actions.returnToAi')}
          </Button>
        )}
        {allowed.reassign && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconSwitchHorizontal size={14} aria-hidden />} disabled={busy}>
                {t('actions.reassign')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('actions.reassignTo')}</Menu.Label>
              {(agents ?? []).filter((a) => a.id !== c.assignee?.id).map((agent) => (
                <Menu.Item key={agent.id} onClick={() => onAction({ kind: 'reassign', assigneeId: agent.id })}
                  leftSection={<Badge size="xs" variant="dot" color={presenceColor[agent.status]} aria-label={t(`presence.${agent.status}`)}> </Badge>}
                  rightSection={<Text size="xs" c="dimmed">{t('actions.openCount', { count: agent.openConversations })}</Text>}>
                  {agent.id === me ? t('workspace.meName', { name: agent.name }) : agent.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
        {allowed.end && (
          <Button size="xs" variant="subtle" color="red" leftSection={<IconX size={14} aria-hidden />} disabled={busy}
            onClick={() => onAction({ kind: 'close' })}>
            {t('actions.end')}
          </Button>
        )}
        {onTogglePanel && (
          <Tooltip label={t('contact.toggle')}>
            <ActionIcon variant="subtle" aria-label={t('contact.toggle')} onClick={onTogglePanel}>
              <IconLayoutSidebarRight size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Group>
  )
}
