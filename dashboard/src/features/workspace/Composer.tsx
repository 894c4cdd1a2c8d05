import { Alert, Button, Combobox, Group, Kbd, SegmentedControl, Stack, Text, Textarea, useCombobox } from '@mantine/core'
import { IconLock, IconMessageBolt, IconSend } from '@tabler/icons-react'
import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useState, type KeyboardEvent } from 'react'
import { ApiError } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { keys, useCannedReplies, usePostMessage } from './api'
import { mergeMessage } from './cache'
import { fillVariables, matching, slashQuery, type Variables } from './cannedReplies'
import type { Message, Page } from './types'

type Props = {
  slug: string
  conversationId: string
  canReply: boolean
  /** Whether taking over is open to this agent; when not, {@code holder} holds the conversation. */
  canTake: boolean
  holder: string | null
  closed: boolean
  variables: Variables
  onTakeOver: () => void
}

/**
 * Replies go to the customer on the conversation's channel; private notes stay between agents. Typing "/" opens
 * the canned replies (or use the button); Ctrl+Enter sends.
 */
export function Composer({ slug, conversationId, canReply, canTake, holder, closed, variables, onTakeOver }: Props) {
  const { t } = useI18n()
  const client = useQueryClient()
  const [mode, setMode] = useState<'reply' | 'note'>('reply')
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const canned = useCannedReplies(slug)
  const post = usePostMessage(slug, conversationId)
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })
  const query = slashQuery(text)
  const options = matching(canned.data ?? [], query ?? '')
  const blocked = mode === 'reply' && (!canReply || closed)

  const insert = (id: string) => {
    const reply = canned.data?.find((r) => r.id === id)
    if (!reply) return
    const filled = fillVariables(reply.body, variables)
    setText((current) => (slashQuery(current) !== null || !current.trim() ? filled : `${current.trimEnd()} ${filled}`))
    combobox.closeDropdown()
  }

  const send = () => {
    if (!text.trim() || blocked || post.isPending) return
    setError(null)
    post.mutate({ text, note: mode === 'note' }, {
      onSuccess: (message) => {
        client.setQueryData<InfiniteData<Page<Message>>>(keys.messages(slug, conversationId), (d) => mergeMessage(d, message))
        setText('')
      },
      onError: (e) => setError(e instanceof ApiError ? e.message : t('common.error')),
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      send()
    }
  }

  return (
    <Stack gap="xs" p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between">
        <SegmentedControl size="xs" value={mode} onChange={(m) => setMode(m as 'reply' | 'note')} aria-label={t('composer.mode')}
          data={[{ value: 'reply', label: t('composer.reply') }, { value: 'note', label: t('composer.note') }]} />
        <Button size="xs" variant="subtle" leftSection={<IconMessageBolt size={14} aria-hidden />} disabled={blocked}
          onClick={() => { if (!text) setText('/'); combobox.openDropdown() }}>
          {t('composer.canned')}
        </Button>
      </Group>
      {blocked && !closed && (
        <Alert color="orange" variant="light" py={6}>
          {canTake ? (
            <Group justify="space-between">
              <Text size="sm">{t('composer.takeOverFirst')}</Text>
              <Button size="xs" onClick={onTakeOver}>{t('actions.take')}</Button>
            </Group>
          ) : <Text size="sm">{t('composer.heldByOther', { name: holder ?? t('workspace.formerMember') })}</Text>}
        </Alert>
      )}
      {error && <Alert color="red" role="alert" py={6}>{error}</Alert>}
      <Combobox store={combobox} onOptionSubmit={insert} position="top-start" withinPortal>
        <Combobox.Target targetType="input">
          <Textarea
            label={mode === 'note' ? t('composer.noteLabel') : t('composer.replyLabel')}
            placeholder={closed && mode === 'reply' ? t('composer.closed') : mode === 'note' ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
            autosize minRows={2} maxRows={8} value={text} disabled={blocked}
            leftSection={mode === 'note' ? <IconLock size={14} aria-hidden /> : undefined}
            onChange={(e) => {
              const value = e.currentTarget.value
              setText(value)
              if (slashQuery(value) !== null) combobox.openDropdown()
              else combobox.closeDropdown()
            }}
            onKeyDown={onKeyDown}
            styles={mode === 'note' ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined}
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options aria-label={t('composer.canned')}>
            {options.length === 0 && <Combobox.Empty>{t('composer.noCanned')}</Combobox.Empty>}
            {options.map((r) => (
              <Combobox.Option key={r.id} value={r.id}>
                <Text size="sm" fw={600}>/{r.shortcut} · {r.title}</Text>
                <Text size="xs" c="dimmed" lineClamp={2}>{fillVariables(r.body, variables)}</Text>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Group justify="space-between">
        <Text size="xs" c="dimmed"><Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('composer.toSend')}</Text>
        <Button size="xs" onClick={send} loading={post.isPending} disabled={!text.trim() || blocked}
          color={mode === 'note' ? 'yellow' : undefined} leftSection={mode === 'note' ? <IconLock size={14} aria-hidden /> : <IconSend size={14} aria-hidden />}>
          {mode === 'note' ? t('composer.addNote') : t('composer.send')}
        </Button>
      </Group>
    </Stack>
  )
}
