import { Button, Center, Divider, Loader, ScrollArea, Stack } from '@mantine/core'
import { useLayoutEffect, useRef } from 'react'
import { formatTime } from '../../lib/format'
import { useI18n } from '../../lib/i18n'
import { describeAudit } from './audit'
import { MessageItem } from './MessageItem'
import { interleave } from './thread'
import type { AuditEntry, Message } from './types'

type Props = {
  messages: Message[]
  events: AuditEntry[]
  contactName: string
  loading: boolean
  hasOlder: boolean
  loadingOlder: boolean
  onLoadOlder: () => void
}

/** The thread, oldest at the top. It follows new messages while the reader is at the bottom, not otherwise. */
export function MessageList({ messages, events, contactName, loading, hasOlder, loadingOlder, onLoadOlder }: Props) {
  const { t, language } = useI18n()
  const viewport = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const newest = messages.at(-1)?.id

  useLayoutEffect(() => {
    const v = viewport.current
    if (v && atBottom.current) v.scrollTop = v.scrollHeight
  }, [newest, messages.length])

  return (
    <ScrollArea style={{ flex: 1 }} viewportRef={viewport} type="auto"
      onScrollPositionChange={({ y }) => {
        const v = viewport.current
        if (v) atBottom.current = v.scrollHeight - y - v.clientHeight < 80
      }}>
      <Stack gap="sm" p="md" data-testid="thread">
        {loading && <Center><Loader size="sm" aria-label={t('common.loading')} /></Center>}
        {hasOlder && (
          <Center>
            <Button size="xs" variant="subtle" loading={loadingOlder} onClick={onLoadOlder}>{t('thread.older')}</Button>
          </Center>
        )}
        {interleave(messages, events, !hasOlder).map((entry) => entry.message
          ? <MessageItem key={entry.message.id} message={entry.message} contactName={contactName} />
          : <Divider key={`e${entry.event?.id}`} labelPosition="center" data-testid="thread-event"
            label={`${describeAudit(entry.event as AuditEntry, t)} · ${formatTime(entry.event?.at, language)}`} />)}
      </Stack>
    </ScrollArea>
  )
}
