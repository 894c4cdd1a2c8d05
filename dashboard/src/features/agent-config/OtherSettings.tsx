import { Card, JsonInput, Stack, Title } from '@mantine/core'
import { useState } from 'react'
import { useI18n } from '../../lib/i18n'
import type { Json, Setting } from './api'
import { SettingField, type FieldContext } from './SettingField'
import type { Draft } from './useConfigDraft'

/** Settings other modules declare that this screen has no dedicated input for, edited as JSON. */
export function OtherSettings({ settings, draft, context }: { settings: Setting[]; draft: Draft; context: FieldContext }) {
  const { t } = useI18n()
  if (settings.length === 0) return null
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('config.other.title')}</Title>
      <Stack gap="md">
        {settings.map((s) => (
          <SettingField key={s.key} settingKey={s.key} label={`${s.description} (${s.key})`} context={context}>
            <JsonField value={draft.value(s.key)} readOnly={context.readOnly} label={s.description} onChange={(v) => draft.set(s.key, v)} />
          </SettingField>
        ))}
      </Stack>
    </Card>
  )
}

function JsonField({ value, readOnly, label, onChange }: { value: Json | undefined; readOnly: boolean; label: string; onChange: (v: Json) => void }) {
  const { t } = useI18n()
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2))
  return (
    <JsonInput aria-label={label} autosize minRows={1} maxRows={10} value={text} disabled={readOnly} validationError={t('config.other.invalidJson')}
      onChange={(next) => {
        setText(next)
        try {
          onChange(JSON.parse(next) as Json)
        } catch {
          // keeps the text as typed; JsonInput shows the error
        }
      }} />
  )
}
