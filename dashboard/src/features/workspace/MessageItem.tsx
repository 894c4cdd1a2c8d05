import { Group, Stack, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { formatTime } from '../../lib/format'
import { useI18n } from '../../lib/i18n'
import { ToolCallItem } from './ToolCallItem'
import type { Message } from './types'
import classes from './workspace.module.css'

/**
 * One entry of the thread. Text is always rendered as text (nothing from a customer, a tool or a model is ever
 * interpreted as markup or loaded from elsewhere).
 */
export function MessageItem({ message, contactName }: { message: Message; contactName: string }) {
  const { t, language } = useI18n()
  const time = formatTime(message.createdAt, language)
  if (message.role === 'tool') {
    return <Group justify="flex-start" pl="md"><ToolCallItem message={message} /></Group>
  }
  if (message.role === 'system') {
    return <Text size="xs" c="dimmed" ta="center">{message.text} · {time}</Text>
  }
  const outgoing = message.role === 'ai' || message.role === 'human'
  const who = message.role === 'customer' ? contactName
    : message.role === 'ai' ? t('role.ai')
      : message.author?.name ?? t('workspace.formerMember')
  return (
    <Stack gap={2} align={message.role === 'note' ? 'center' : outgoing ? 'flex-end' : 'flex-start'}
      data-testid="message" data-role={message.role}>
      <Group gap={6}>
        {message.role === 'note' && <IconLock size={12} aria-hidden />}
        <Text size="xs" c="dimmed">
          {message.role === 'note' ? t('message.noteBy', { name: who }) : who} · {time}
          {message.role === 'human' && message.deliveryStatus ? ` · ${t(`delivery.${message.deliveryStatus}`)}` : ''}
        </Text>
      </Group>
      <div className={`${classes.bubble} ${classes[message.role]}`}>
        <Text size="sm" component="span">{message.text}</Text>
      </div>
    </Stack>
  )
}
