import { Button, Center, Loader, ScrollArea, Stack } from '@mantine/core'
import { useLayoutEffect, useRef } from 'react'
import { useI18n } from '../../lib/i18n'
import { MessageItem } from './MessageItem'
import type { Message } from './types'

type Props = {
  messages: Message[]
  contactName: string
  loading: boolean
  hasOlder: boolean
  loadingOlder: boolean
  onLoadOlder: () => void
}

/** The thread, oldest at the top. It follows new messages while the reader is at the bottom, not otherwise. */
export function MessageList({ messages, contactName, loading, hasOlder, loadingOlder, onLoadOlder }: Props) {
  const { t } = useI18n()
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
        {messages.map((m) => <MessageItem key={m.id} message={m} contactName={contactName} />)}
      </Stack>
    </ScrollArea>
  )
}
