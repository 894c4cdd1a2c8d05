import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { ApiError } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import type { CannedReply, Draft } from './api'

type Props = { initial?: CannedReply; saving: boolean; error: ApiError | null; onSave: (draft: Draft) => void; onCancel: () => void }

/** Shortcut, title and text; the server's message for a field is shown under it. */
export function CannedReplyForm({ initial, saving, error, onSave, onCancel }: Props) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<Draft>({ shortcut: initial?.shortcut ?? '', title: initial?.title ?? '', body: initial?.body ?? '' })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSave(draft)
  }
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <TextInput label={t('canned.shortcut')} description={t('canned.shortcutHint')} required value={draft.shortcut}
        leftSection={<Text size="sm" c="dimmed">/</Text>} error={error?.fieldError('shortcut')}
        onChange={(e) => setDraft({ ...draft, shortcut: e.currentTarget.value })} />
      <TextInput label={t('canned.titleLabel')} required value={draft.title} error={error?.fieldError('title')}
        onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
      <Textarea label={t('canned.body')} description={t('canned.variables')} required autosize minRows={4} maxRows={12}
        value={draft.body} error={error?.fieldError('body')} onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" loading={saving}>{t('common.save')}</Button>
      </Group>
    </Stack>
  )
}
